package main

import (
	"bufio"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	protoagent "github.com/livekit/protocol/agent"
	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

// A simulated LiveKit Agents agent (--agent NAME): it registers as a worker for NAME, is
// dispatched to a room by the server, joins it as a participant of kind agent, publishes a
// microphone track (the publisher's tone while it speaks), subscribes to its user's microphone
// (read and dropped), reports its state in the participant attribute lk.agent.state, and sends
// transcriptions on lk.transcription as LiveKit Agents do:
//
//   - its own speech (`say`): one text stream per segment, written in deltas; the header has
//     lk.segment_id, lk.transcribed_track_id (its audio track) and lk.transcription_final=false,
//     the trailer lk.transcription_final=true (receivers merge trailer attributes into the stream's);
//   - the user's speech (`hear`): one complete stream per speech-to-text result, all with the same
//     lk.segment_id and the user's microphone track; interim results lk.transcription_final=false
//     with the text so far, then the final result with =true and the whole text; sent on behalf of
//     the user (the header's sender identity is the user's).
//
// One job at a time: while it is in a room it declines other jobs. Once the room's user leaves
// (the first participant that is not an agent), it leaves too and takes the next job.

// agentStates are the values LiveKit Agents put in lk.agent.state.
var agentStates = []string{"initializing", "idle", "listening", "thinking", "speaking"}

// speechDeltas: how many pieces `say` writes, and how many results `hear` sends.
const speechDeltas = 4

type agentRunner struct {
	cfg *config
	lib *library
	ev  *events

	mu      sync.Mutex
	worker  *worker
	session *agentSession
	busy    bool // a job accepted, or a session in a room
	stopped bool
}

// agentSession is the agent in one room.
type agentSession struct {
	r        *agentRunner
	jobID    string // "" when joined directly
	roomName string
	identity string

	room    *lksdk.Room
	audio   *lksdk.LocalTrackPublication
	speaker *audioProvider

	mu     sync.Mutex
	users  []string // identities of the participants that are not agents, in the order seen
	linked string   // the user it serves: the first one seen
	state  string
	gone   bool

	speech sync.Mutex // one `say` or `hear` at a time
}

func runAgent(cfg *config, lib *library, ev *events) int {
	r := &agentRunner{cfg: cfg, lib: lib, ev: ev}
	stop := make(chan string, 4)
	requestStop := func(why string) {
		select {
		case stop <- why:
		default:
		}
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() { requestStop("signal " + (<-signals).String()) }()
	deadline := time.AfterFunc(cfg.duration, func() { requestStop("duration elapsed") })
	defer deadline.Stop()

	var failed atomic.Bool
	if cfg.room != "" {
		// Direct join: no worker, no dispatch; a token of kind agent minted here.
		identity := cfg.agentIdentity
		if identity == "" {
			identity = "agent-" + cfg.agentName
		}
		token, err := protoagent.BuildAgentToken(cfg.apiKey, cfg.apiSecret, cfg.room, identity, cfg.agentName, "",
			map[string]string{attrAgentName: cfg.agentName}, agentPermissions())
		if err == nil {
			r.busy = true
			go func() {
				if err := r.join(&livekit.Job{Room: &livekit.Room{Name: cfg.room}}, cfg.url, token); err != nil {
					ev.errorf("join %s: %v", cfg.room, err)
					failed.Store(true)
					requestStop("could not join")
				}
			}()
		} else {
			ev.errorf("token: %v", err)
			failed.Store(true)
			requestStop("no token")
		}
	} else {
		w, err := dialWorker(cfg.url, cfg.apiKey, cfg.apiSecret, cfg.agentName, r)
		var workerID string
		if err == nil {
			workerID, err = w.awaitRegistered(15 * time.Second)
		}
		if err != nil {
			ev.errorf("worker registration: %v", err)
			ev.emit(map[string]any{"event": "done"})
			return 1
		}
		r.mu.Lock()
		r.worker = w
		r.mu.Unlock()
		ev.emit(map[string]any{"event": "registered", "agentName": cfg.agentName, "workerId": workerID})
		go func() {
			err := w.serve()
			r.mu.Lock()
			stopped := r.stopped
			r.mu.Unlock()
			if !stopped {
				ev.errorf("agent socket closed: %v", err)
				failed.Store(true)
				requestStop("agent socket closed")
			}
		}()
	}
	go r.readCommands(requestStop)

	why := <-stop
	log.Printf("stopping: %s", why)
	r.mu.Lock()
	r.stopped = true
	s, w := r.session, r.worker
	r.mu.Unlock()
	if s != nil {
		s.leave("")
	}
	if w != nil {
		w.close()
	}
	ev.emit(map[string]any{"event": "done"})
	if failed.Load() {
		return 1
	}
	return 0
}

// agentPermissions: what the server grants a dispatched agent by default.
func agentPermissions() *livekit.ParticipantPermission {
	return &livekit.ParticipantPermission{CanSubscribe: true, CanPublish: true, CanPublishData: true, CanUpdateMetadata: true}
}

// accept takes a job when no other is running.
func (r *agentRunner) accept(job *livekit.Job) (string, string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	room := job.GetRoom().GetName()
	if r.busy || r.stopped {
		r.ev.emit(map[string]any{"event": "declined", "jobId": job.GetId(), "room": room})
		return "", "", false
	}
	r.busy = true
	identity := "agent-" + job.GetId()
	r.ev.emit(map[string]any{"event": "dispatched", "jobId": job.GetId(), "room": room, "identity": identity, "agentName": job.GetAgentName()})
	return identity, r.cfg.agentName, true
}

func (r *agentRunner) assigned(job *livekit.Job, url, token string) {
	if err := r.join(job, url, token); err != nil {
		r.ev.errorf("job %s: join %s: %v", job.GetId(), job.GetRoom().GetName(), err)
		r.jobEnded(job.GetId(), err.Error())
		r.mu.Lock()
		r.busy = false
		r.mu.Unlock()
	}
}

func (r *agentRunner) terminated(jobID string) {
	r.mu.Lock()
	s := r.session
	r.mu.Unlock()
	if s != nil && s.jobID == jobID {
		s.leave("job terminated")
	}
}

func (r *agentRunner) jobEnded(jobID, errText string) {
	r.mu.Lock()
	w := r.worker
	r.mu.Unlock()
	if w == nil || jobID == "" {
		return
	}
	status := livekit.JobStatus_JS_SUCCESS
	if errText != "" {
		status = livekit.JobStatus_JS_FAILED
	}
	if err := w.jobStatus(jobID, status, errText); err != nil {
		log.Printf("job %s: status: %v", jobID, err)
	}
}

// join connects to the job's room, publishes the microphone and goes from initializing to listening.
func (r *agentRunner) join(job *livekit.Job, url, token string) error {
	s := &agentSession{r: r, jobID: job.GetId(), roomName: job.GetRoom().GetName()}
	callback := lksdk.NewRoomCallback()
	callback.OnParticipantConnected = func(p *lksdk.RemoteParticipant) { s.userJoined(p) }
	callback.OnParticipantDisconnected = func(p *lksdk.RemoteParticipant) { s.userLeft(p) }
	callback.OnDisconnectedWithReason = func(reason lksdk.DisconnectionReason) { s.dropped(reason) }
	// In a goroutine of its own: the SDK calls this holding its locks, which listenTo takes.
	callback.OnTrackPublished = func(_ *lksdk.RemoteTrackPublication, p *lksdk.RemoteParticipant) { go s.listenTo(p) }
	callback.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
		// Nothing is decoded: the packets are read and dropped.
		go func() {
			buf := make([]byte, 1500)
			for {
				if _, _, err := track.Read(buf); err != nil {
					return
				}
			}
		}()
	}
	room, err := lksdk.ConnectToRoomWithToken(url, token, callback, lksdk.WithAutoSubscribe(false))
	if err != nil {
		return err
	}
	s.room = room
	s.identity = room.LocalParticipant.Identity()
	r.mu.Lock()
	if r.stopped {
		r.mu.Unlock()
		room.Disconnect()
		return nil
	}
	r.session = s
	r.mu.Unlock()
	r.ev.emit(map[string]any{"event": "joined", "room": s.roomName, "identity": s.identity, "jobId": s.jobID})
	if w := r.currentWorker(); w != nil && s.jobID != "" {
		_ = w.jobStatus(s.jobID, livekit.JobStatus_JS_RUNNING, "")
	}
	// The participants already in the room, in a stable order (the SDK keeps them in a map).
	present := room.GetRemoteParticipants()
	sort.Slice(present, func(i, j int) bool { return present[i].Identity() < present[j].Identity() })
	for _, p := range present {
		s.userJoined(p)
	}

	s.setState("initializing")
	// Let the server confirm it before going on, so that every participant sees it.
	s.awaitOwnAttribute(attrAgentState, "initializing", 5*time.Second)
	track, err := lksdk.NewLocalTrack(opusCodec)
	if err != nil {
		return err
	}
	s.speaker = &audioProvider{tone: r.lib.tone, silence: r.lib.silence}
	if err := track.StartWrite(s.speaker, nil); err != nil {
		return err
	}
	pub, err := room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "roomio_audio", Source: livekit.TrackSource_MICROPHONE})
	if err != nil {
		return fmt.Errorf("publish audio: %w", err)
	}
	s.mu.Lock()
	s.audio = pub
	s.mu.Unlock()
	r.ev.emit(map[string]any{"event": "published", "identity": s.identity, "kind": "audio", "sid": pub.SID()})
	s.setState("listening")
	if r.cfg.agentAuto {
		go s.runAuto()
	}
	return nil
}

func (r *agentRunner) currentWorker() *worker {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.worker
}

func (r *agentRunner) currentSession() *agentSession {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.session
}

// sessionEnded frees the runner for the next job.
func (r *agentRunner) sessionEnded(s *agentSession) {
	r.mu.Lock()
	if r.session == s {
		r.session = nil
		r.busy = false
	}
	r.mu.Unlock()
	r.jobEnded(s.jobID, "")
}

func isUser(p *lksdk.RemoteParticipant) bool {
	return p.Kind() == lksdk.ParticipantStandard || p.Kind() == lksdk.ParticipantSIP
}

func (s *agentSession) userJoined(p *lksdk.RemoteParticipant) {
	if !isUser(p) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range s.users {
		if id == p.Identity() {
			return
		}
	}
	s.users = append(s.users, p.Identity())
	if s.linked == "" {
		s.linked = p.Identity()
		go s.listenTo(p)
	}
}

// listenTo subscribes to the microphone of the user it serves, as LiveKit Agents do. Nothing is
// done with the audio, but the server tells a participant only about the active speakers it
// subscribes to, and --agent-auto needs to know when the user speaks.
func (s *agentSession) listenTo(p *lksdk.RemoteParticipant) {
	s.mu.Lock()
	linked := s.linked == p.Identity()
	s.mu.Unlock()
	if !linked {
		return
	}
	if pub, ok := p.GetTrackPublication(livekit.TrackSource_MICROPHONE).(*lksdk.RemoteTrackPublication); ok && pub != nil && !pub.IsSubscribed() {
		if err := pub.SetSubscribed(true); err != nil {
			log.Printf("subscribe to %s's microphone: %v", p.Identity(), err)
		}
	}
}

func (s *agentSession) userLeft(p *lksdk.RemoteParticipant) {
	s.mu.Lock()
	for i, id := range s.users {
		if id == p.Identity() {
			s.users = append(s.users[:i], s.users[i+1:]...)
			break
		}
	}
	linkedLeft := p.Identity() == s.linked
	s.mu.Unlock()
	if linkedLeft {
		go s.leave("user left")
	}
}

// user: the user it serves, and the sid of that user's microphone track ("" when not published).
func (s *agentSession) user() (string, string) {
	s.mu.Lock()
	identity := s.linked
	s.mu.Unlock()
	if identity == "" {
		return "", ""
	}
	p := s.room.GetParticipantByIdentity(identity)
	if p == nil {
		return identity, ""
	}
	if pub := p.GetTrackPublication(livekit.TrackSource_MICROPHONE); pub != nil {
		return identity, pub.SID()
	}
	return identity, ""
}

func (s *agentSession) setState(state string) {
	s.mu.Lock()
	s.state = state
	gone := s.gone
	s.mu.Unlock()
	if gone {
		return
	}
	s.room.LocalParticipant.SetAttributes(map[string]string{attrAgentState: state})
	s.r.ev.emit(map[string]any{"event": "state", "state": state, "identity": s.identity})
}

func (s *agentSession) awaitOwnAttribute(key, value string, timeout time.Duration) {
	for end := time.Now().Add(timeout); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if s.room.LocalParticipant.Attributes()[key] == value {
			return
		}
	}
	log.Printf("the server did not confirm %s=%s within %s", key, value, timeout)
}

func (s *agentSession) audioSID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.audio == nil {
		return ""
	}
	return s.audio.SID()
}

// say: the agent speaks text (tone on the microphone, state speaking) and streams its transcription
// in deltas, then goes back to listening.
func (s *agentSession) say(text string) error {
	s.speech.Lock()
	defer s.speech.Unlock()
	trackSID := s.audioSID()
	if trackSID == "" {
		return errors.New("the agent has not published its audio yet")
	}
	segment := newSegmentID()
	interval := s.r.cfg.deltaInterval
	s.setState("speaking")
	s.speaker.speaking.Store(true)
	defer s.speaker.speaking.Store(false)
	stream, err := openTextStream(s.room.LocalParticipant, topicTranscription, s.identity, transcriptionAttributes(segment, trackSID, false))
	if err != nil {
		return err
	}
	for _, delta := range splitDeltas(text, speechDeltas) {
		time.Sleep(interval)
		if err := stream.write(delta); err != nil {
			return err
		}
	}
	time.Sleep(interval)
	if err := stream.close(transcriptionAttributes(segment, trackSID, true)); err != nil {
		return err
	}
	s.speaker.speaking.Store(false)
	s.r.ev.emit(map[string]any{"event": "said", "segmentId": segment, "text": text, "trackSid": trackSID, "identity": s.identity})
	s.setState("listening")
	return nil
}

// hear: transcriptions of the user's speech, as speech-to-text gives them: interim results, then
// the final one, each a complete stream sent on the user's behalf.
func (s *agentSession) hear(text string) error {
	s.speech.Lock()
	defer s.speech.Unlock()
	user, trackSID := s.user()
	if user == "" {
		return errors.New("no user in the room to transcribe")
	}
	segment := newSegmentID()
	send := func(t string, final bool) error {
		stream, err := openTextStream(s.room.LocalParticipant, topicTranscription, user, transcriptionAttributes(segment, trackSID, final))
		if err != nil {
			return err
		}
		if err := stream.write(t); err != nil {
			return err
		}
		return stream.close(nil)
	}
	for _, interim := range interimTexts(text, speechDeltas) {
		if err := send(interim, false); err != nil {
			return err
		}
		time.Sleep(s.r.cfg.deltaInterval)
	}
	if err := send(text, true); err != nil {
		return err
	}
	s.r.ev.emit(map[string]any{"event": "heard", "segmentId": segment, "text": text, "trackSid": trackSID, "identity": user})
	return nil
}

// leave disconnects; reason "" when asked to (a command or the end of the run).
func (s *agentSession) leave(reason string) {
	s.mu.Lock()
	if s.gone {
		s.mu.Unlock()
		return
	}
	s.gone = true
	s.mu.Unlock()
	s.room.Disconnect()
	event := map[string]any{"event": "left", "room": s.roomName, "identity": s.identity}
	if reason != "" {
		event["reason"] = reason
	}
	s.r.ev.emit(event)
	s.r.sessionEnded(s)
}

// dropped: the server ended the session (the room closed, the agent was removed, the connection failed).
func (s *agentSession) dropped(reason lksdk.DisconnectionReason) {
	s.mu.Lock()
	if s.gone {
		s.mu.Unlock()
		return
	}
	s.gone = true
	s.mu.Unlock()
	s.r.ev.emit(map[string]any{"event": "left", "room": s.roomName, "identity": s.identity, "reason": string(reason)})
	s.r.sessionEnded(s)
}

// parseAgentCommand splits a stdin line into its verb and argument, or says what is wrong.
func parseAgentCommand(line string) (verb, arg string, err error) {
	line = strings.TrimSpace(line)
	verb, arg, _ = strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch verb {
	case "quit", "leave":
		if arg != "" {
			return "", "", fmt.Errorf("%s takes nothing", verb)
		}
	case "state":
		known := false
		for _, s := range agentStates {
			known = known || s == arg
		}
		if !known {
			return "", "", fmt.Errorf("state takes one of %s", strings.Join(agentStates, ", "))
		}
	case "say", "hear":
		if arg == "" {
			return "", "", fmt.Errorf("%s takes a text", verb)
		}
	default:
		return "", "", fmt.Errorf("unknown command (state STATE, say TEXT, hear TEXT, leave, quit)")
	}
	return verb, arg, nil
}

// readCommands runs stdin commands one after the other; `say` and `hear` take a moment.
func (r *agentRunner) readCommands(requestStop func(string)) {
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		verb, arg, err := parseAgentCommand(line)
		if err != nil {
			r.ev.errorf("%q: %v", line, err)
			continue
		}
		if verb == "quit" {
			requestStop("quit")
			return
		}
		s := r.currentSession()
		if s == nil {
			r.ev.errorf("%q: the agent is in no room", line)
			continue
		}
		switch verb {
		case "state":
			s.setState(arg)
		case "say":
			err = s.say(arg)
		case "hear":
			err = s.hear(arg)
		case "leave":
			s.leave("")
		}
		if err != nil {
			r.ev.errorf("%q: %v", line, err)
		}
	}
	requestStop("stdin closed")
}
