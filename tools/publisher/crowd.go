package main

import (
	"fmt"
	"log"
	"sync"
	"sync/atomic"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
)

type participant struct {
	index    int // 1-based
	identity string
	name     string

	mu      sync.Mutex
	room    *lksdk.Room
	video   *lksdk.LocalTrackPublication
	audio   *lksdk.LocalTrackPublication
	speaker *audioProvider
	ready   bool // joined and everything published
	gone    bool // left (or told to leave before it joined)
}

// crowd is every simulated participant of one run.
type crowd struct {
	cfg    *config
	lib    *library
	ev     *events
	people []*participant
	byID   map[string]*participant

	mu           sync.Mutex
	settledCount int
	readySent    bool
	failed       atomic.Bool
	stopping     atomic.Bool
}

func newCrowd(cfg *config, lib *library, ev *events) *crowd {
	c := &crowd{cfg: cfg, lib: lib, ev: ev, byID: map[string]*participant{}}
	for i := 1; i <= cfg.count; i++ {
		p := &participant{
			index:    i,
			identity: fmt.Sprintf("%s-%d", cfg.identityPrefix, i),
			name:     cfg.names[(i-1)%len(cfg.names)],
		}
		c.people = append(c.people, p)
		c.byID[p.identity] = p
	}
	return c
}

// joinAll starts one join every 1/join-rate seconds; each join runs on its own.
func (c *crowd) joinAll(requestStop func(string)) {
	interval := time.Duration(float64(time.Second) / c.cfg.joinRate)
	for i, p := range c.people {
		if c.stopping.Load() {
			return
		}
		if i > 0 {
			time.Sleep(interval)
		}
		go func(p *participant) {
			// A join cut short by the end of the run is no failure.
			if err := c.join(p); err != nil && !c.stopping.Load() {
				c.ev.errorf("%s: %v", p.identity, err)
				c.failed.Store(true)
				requestStop(p.identity + " could not join and publish")
			}
		}(p)
	}
}

const joinAttempts = 3

func (c *crowd) join(p *participant) error {
	var room *lksdk.Room
	var err error
	callback := lksdk.NewRoomCallback()
	callback.OnDisconnectedWithReason = func(reason lksdk.DisconnectionReason) { c.dropped(p, reason) }
	for attempt := 1; attempt <= joinAttempts; attempt++ {
		room, err = lksdk.ConnectToRoom(c.cfg.url, lksdk.ConnectInfo{
			APIKey:              c.cfg.apiKey,
			APISecret:           c.cfg.apiSecret,
			RoomName:            c.cfg.room,
			ParticipantIdentity: p.identity,
			ParticipantName:     p.name,
		}, callback, lksdk.WithAutoSubscribe(false))
		if err == nil {
			break
		}
		log.Printf("%s: join attempt %d failed: %v", p.identity, attempt, err)
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	if err != nil {
		return fmt.Errorf("join: %w", err)
	}
	p.mu.Lock()
	if p.gone || c.stopping.Load() {
		p.mu.Unlock()
		room.Disconnect()
		c.settled()
		return nil
	}
	p.room = room
	p.mu.Unlock()
	c.ev.emit(map[string]any{"event": "joined", "identity": p.identity})

	if c.cfg.video {
		pub, err := c.publishVideo(p, room)
		if err != nil {
			return fmt.Errorf("publish video: %w", err)
		}
		p.mu.Lock()
		p.video = pub
		p.mu.Unlock()
		c.ev.emit(map[string]any{"event": "published", "identity": p.identity, "kind": "video", "sid": pub.SID()})
	}
	if c.cfg.audio {
		pub, provider, err := c.publishAudio(p, room)
		if err != nil {
			return fmt.Errorf("publish audio: %w", err)
		}
		p.mu.Lock()
		p.audio, p.speaker = pub, provider
		p.mu.Unlock()
		c.ev.emit(map[string]any{"event": "published", "identity": p.identity, "kind": "audio", "sid": pub.SID()})
	}

	p.mu.Lock()
	p.ready = true
	p.mu.Unlock()
	c.settled()
	return nil
}

// settled counts one participant done with joining (published, or told to leave before it could);
// once all are, "ready" tells how many are in the room.
func (c *crowd) settled() {
	c.mu.Lock()
	c.settledCount++
	send := c.settledCount == len(c.people) && !c.readySent
	c.readySent = c.readySent || send
	c.mu.Unlock()
	if !send {
		return
	}
	present := 0
	for _, p := range c.people {
		p.mu.Lock()
		if p.ready && !p.gone {
			present++
		}
		p.mu.Unlock()
	}
	c.ev.emit(map[string]any{"event": "ready", "count": present})
}

func (c *crowd) publishVideo(p *participant, room *lksdk.Room) (*lksdk.LocalTrackPublication, error) {
	variant := (p.index - 1) % videoVariants
	// Participants sharing a variant start it 3 s apart (key frames are 1 s apart), so that they do
	// not move in step when they join a second apart (4 variants at the default 4 joins a second).
	start := (p.index - 1) / videoVariants * 3
	simulcastID := fmt.Sprintf("%s-camera", p.identity)
	var tracks []*lksdk.LocalTrack
	for _, l := range layers {
		track, err := lksdk.NewLocalTrack(vp8Codec, lksdk.WithSimulcast(simulcastID, &livekit.VideoLayer{
			Quality: l.quality,
			Width:   l.width,
			Height:  l.height,
			Bitrate: l.kbps * 1000,
		}))
		if err != nil {
			return nil, err
		}
		if err := track.StartWrite(newVideoProvider(c.lib.video[variant][l.height], start), nil); err != nil {
			return nil, err
		}
		tracks = append(tracks, track)
	}
	return room.LocalParticipant.PublishSimulcastTrack(tracks, &lksdk.TrackPublicationOptions{
		Name:        "camera",
		Source:      livekit.TrackSource_CAMERA,
		VideoWidth:  int(layers[len(layers)-1].width),
		VideoHeight: int(layers[len(layers)-1].height),
	})
}

func (c *crowd) publishAudio(p *participant, room *lksdk.Room) (*lksdk.LocalTrackPublication, *audioProvider, error) {
	track, err := lksdk.NewLocalTrack(opusCodec)
	if err != nil {
		return nil, nil, err
	}
	provider := &audioProvider{tone: c.lib.tone, silence: c.lib.silence}
	provider.speaking.Store(c.cfg.speaking == "all")
	if err := track.StartWrite(provider, nil); err != nil {
		return nil, nil, err
	}
	pub, err := room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{
		Name:   "microphone",
		Source: livekit.TrackSource_MICROPHONE,
	})
	return pub, provider, err
}

func (c *crowd) setMuted(identity, kind string, muted bool) {
	p := c.byID[identity]
	if p == nil {
		c.ev.errorf("no participant %q", identity)
		return
	}
	p.mu.Lock()
	pub := p.video
	if kind == "audio" {
		pub = p.audio
	}
	gone := p.gone
	p.mu.Unlock()
	if pub == nil || gone {
		c.ev.errorf("%s has no %s track published", identity, kind)
		return
	}
	pub.SetMuted(muted)
	event := "unmuted"
	if muted {
		event = "muted"
	}
	c.ev.emit(map[string]any{"event": event, "identity": identity, "kind": kind})
}

// leave disconnects one participant; one that has not joined yet will not.
func (c *crowd) leave(identity string) {
	p := c.byID[identity]
	if p == nil {
		c.ev.errorf("no participant %q", identity)
		return
	}
	c.leaveOne(p)
}

func (c *crowd) leaveOne(p *participant) bool {
	p.mu.Lock()
	if p.gone {
		p.mu.Unlock()
		return false
	}
	p.gone = true
	room := p.room
	p.mu.Unlock()
	if room != nil {
		room.Disconnect()
	}
	c.ev.emit(map[string]any{"event": "left", "identity": p.identity})
	return true
}

// dropped: the server ended a participant's session (removed it, closed the room, or the
// connection failed for good).
func (c *crowd) dropped(p *participant, reason lksdk.DisconnectionReason) {
	p.mu.Lock()
	if p.gone {
		p.mu.Unlock()
		return
	}
	p.gone = true
	p.mu.Unlock()
	log.Printf("%s: disconnected by the server: %s", p.identity, reason)
	c.ev.emit(map[string]any{"event": "left", "identity": p.identity, "reason": string(reason)})
}

// leaveAll disconnects everyone still in the room, together.
func (c *crowd) leaveAll() {
	c.stopping.Store(true)
	var wg sync.WaitGroup
	for _, p := range c.people {
		wg.Add(1)
		go func(p *participant) {
			defer wg.Done()
			p.mu.Lock()
			joined := p.room != nil
			p.mu.Unlock()
			if joined {
				c.leaveOne(p)
			}
		}(p)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		log.Print("some participants did not disconnect within 5 s")
	}
}

// leaveInWaves: from --leave-after on, --leave-wave participants leave every --leave-interval, in
// identity order, until none remain; then the run ends.
func (c *crowd) leaveInWaves(requestStop func(string)) {
	time.Sleep(c.cfg.leaveAfter)
	next := 0
	for {
		for n := 0; n < c.cfg.leaveWave && next < len(c.people); next++ {
			if c.leaveOne(c.people[next]) {
				n++
			}
		}
		if next >= len(c.people) {
			requestStop("everyone left")
			return
		}
		time.Sleep(c.cfg.leaveInterval)
	}
}

// rotateSpeakers gives each participant in the room, audio not muted, in turn --speak-period of tone.
func (c *crowd) rotateSpeakers() {
	ticker := time.NewTicker(c.cfg.speakPeriod)
	defer ticker.Stop()
	turn := 0
	var current *participant
	for {
		var present []*participant
		for _, p := range c.people {
			p.mu.Lock()
			if p.ready && !p.gone && !p.audio.IsMuted() {
				present = append(present, p)
			}
			p.mu.Unlock()
		}
		var next *participant
		if len(present) > 0 {
			next = present[turn%len(present)]
			turn++
		}
		if next != current {
			if current != nil {
				current.speaker.speaking.Store(false)
			}
			if next != nil {
				next.speaker.speaking.Store(true)
				c.ev.emit(map[string]any{"event": "speaking", "identity": next.identity})
			}
			current = next
		}
		<-ticker.C
	}
}
