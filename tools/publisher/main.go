// Command publisher joins simulated participants to a LiveKit room and publishes pre-encoded media:
// VP8 simulcast video (three layers) and Opus audio, looped, with one speaker at a time. With
// --agent NAME it is a simulated LiveKit Agents agent instead (agent.go).
//
// Events go to stdout, one JSON object a line; commands come from stdin, one a line; logs go to
// stderr. See docs/publisher.md.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/livekit/protocol/livekit"
	protoLogger "github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

const maxDuration = 30 * time.Minute

var defaultNames = []string{
	"Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Edsger", "Barbara",
	"Dennis", "Frances", "Ken", "Radia", "Donald", "Hedy", "Tim", "Sophie",
	"Niklaus", "Joan", "John", "Annie", "Bjarne", "Karen", "Guido", "Evelyn",
}

// layer is one simulcast layer, as `lk load-test` publishes them.
type layer struct {
	quality livekit.VideoQuality
	width   uint32
	height  uint32
	kbps    uint32
}

var layers = []layer{
	{livekit.VideoQuality_LOW, 320, 180, 150},
	{livekit.VideoQuality_MEDIUM, 640, 360, 600},
	{livekit.VideoQuality_HIGH, 1280, 720, 2000},
}

type config struct {
	url, apiKey, apiSecret, room string
	count                        int
	identityPrefix               string
	names                        []string
	joinRate                     float64
	video, audio                 bool
	mediaDir                     string
	speaking                     string
	speakPeriod                  time.Duration
	duration                     time.Duration
	leaveAfter, leaveInterval    time.Duration
	leaveWave                    int
	logLevel                     string
	// Agent mode (--agent NAME): see agent.go.
	agentName, agentIdentity string
	deltaInterval            time.Duration
	agentAuto                bool
}

func parseFlags() (*config, error) {
	c := &config{}
	var names string
	flag.StringVar(&c.url, "url", "ws://127.0.0.1:7880", "LiveKit server URL")
	flag.StringVar(&c.apiKey, "api-key", "", "API key")
	flag.StringVar(&c.apiSecret, "api-secret", "", "API secret")
	flag.StringVar(&c.room, "room", "", "room name")
	flag.IntVar(&c.count, "count", 1, "number of participants")
	flag.StringVar(&c.identityPrefix, "identity-prefix", "pub", "identities are PREFIX-1 … PREFIX-N")
	flag.StringVar(&names, "names", "", "comma-separated display names, cycled (default: a built-in list)")
	flag.Float64Var(&c.joinRate, "join-rate", 4, "participants joining per second")
	flag.BoolVar(&c.video, "video", true, "publish simulcast VP8 video")
	flag.BoolVar(&c.audio, "audio", true, "publish Opus audio")
	flag.StringVar(&c.mediaDir, "media", "", "directory with the generated media (tools/publisher/media.mjs)")
	flag.StringVar(&c.speaking, "speaking", "rotate", "none | rotate | all")
	flag.DurationVar(&c.speakPeriod, "speak-period", 3*time.Second, "how long each speaker speaks with --speaking rotate")
	flag.DurationVar(&c.duration, "duration", 60*time.Second, "stop after this long (at most 30m)")
	flag.DurationVar(&c.leaveAfter, "leave-after", 0, "start leaving in waves after this long (0: never)")
	flag.IntVar(&c.leaveWave, "leave-wave", 1, "participants leaving per wave")
	flag.DurationVar(&c.leaveInterval, "leave-interval", 5*time.Second, "time between leave waves")
	flag.StringVar(&c.logLevel, "log-level", "warn", "the SDK's and WebRTC's log level on stderr: debug, info, warn, error")
	flag.StringVar(&c.agentName, "agent", "", "be a simulated LiveKit Agents agent of this name: register as a worker and wait for dispatches (with --room: join that room directly)")
	flag.StringVar(&c.agentIdentity, "agent-identity", "", "with --agent and --room, the agent's identity (default agent-NAME)")
	flag.BoolVar(&c.agentAuto, "agent-auto", false, "with --agent, greet the user and answer each turn of speech by itself (the demo)")
	flag.DurationVar(&c.deltaInterval, "delta-interval", 150*time.Millisecond, "with --agent, the time between the pieces of a transcription")
	flag.Parse()

	c.names = defaultNames
	if names != "" {
		c.names = nil
		for _, n := range strings.Split(names, ",") {
			if n = strings.TrimSpace(n); n != "" {
				c.names = append(c.names, n)
			}
		}
	}
	if c.duration <= 0 || c.duration > maxDuration {
		c.duration = maxDuration
	}
	if c.agentName != "" {
		switch {
		case c.apiKey == "" || c.apiSecret == "":
			return nil, fmt.Errorf("--api-key and --api-secret are required")
		case c.mediaDir == "":
			return nil, fmt.Errorf("--media is required")
		case c.deltaInterval < 0:
			return nil, fmt.Errorf("--delta-interval must not be negative")
		}
		return c, nil
	}
	switch {
	case c.apiKey == "" || c.apiSecret == "" || c.room == "":
		return nil, fmt.Errorf("--api-key, --api-secret and --room are required")
	case c.count < 1:
		return nil, fmt.Errorf("--count must be at least 1")
	case !c.video && !c.audio:
		return nil, fmt.Errorf("nothing to publish: --video=false and --audio=false")
	case c.mediaDir == "":
		return nil, fmt.Errorf("--media is required")
	case c.speaking != "none" && c.speaking != "rotate" && c.speaking != "all":
		return nil, fmt.Errorf("--speaking must be none, rotate or all")
	case c.joinRate <= 0:
		return nil, fmt.Errorf("--join-rate must be positive")
	case c.speakPeriod <= 0:
		return nil, fmt.Errorf("--speak-period must be positive")
	case c.leaveAfter > 0 && (c.leaveWave < 1 || c.leaveInterval <= 0):
		return nil, fmt.Errorf("--leave-wave must be at least 1 and --leave-interval positive")
	case len(c.names) == 0:
		return nil, fmt.Errorf("--names is empty")
	}
	return c, nil
}

// events writes one JSON object a line to stdout.
type events struct {
	mu   sync.Mutex
	enc  *json.Encoder
	done bool // after "done", nothing more is written
}

func newEvents() *events {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	return &events{enc: enc}
}

func (e *events) emit(fields map[string]any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.done {
		return
	}
	e.done = fields["event"] == "done"
	_ = e.enc.Encode(fields)
}

func (e *events) errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	log.Print(msg)
	e.emit(map[string]any{"event": "error", "message": msg})
}

func main() {
	log.SetOutput(os.Stderr)
	log.SetFlags(log.Ltime | log.Lmicroseconds)
	cfg, err := parseFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "publisher:", err)
		flag.Usage()
		os.Exit(2)
	}
	logConfig := &protoLogger.Config{Level: cfg.logLevel}
	if cfg.logLevel == "warn" {
		// ICE's warnings while candidates arrive ("Failed to ping without candidate pairs") come
		// with every join and mean nothing; errors still show.
		logConfig.ComponentLevels = map[string]string{"pion.ice": "error"}
	}
	if sdkLog, err := protoLogger.NewZapLogger(logConfig); err == nil {
		lksdk.SetLogger(sdkLog)
	}
	ev := newEvents()
	if !hasNonLoopbackAddress() {
		ev.errorf("no network interface but loopback: WebRTC here (pion) offers no loopback ICE candidates, so no " +
			"participant could connect. In a loopback-only namespace add a bridge with an address: ip link add lkpion0 " +
			"type bridge && ip addr add 10.203.0.1/32 dev lkpion0 && ip link set lkpion0 up (docs/publisher.md)")
		ev.emit(map[string]any{"event": "done"})
		os.Exit(1)
	}
	agent := cfg.agentName != ""
	lib, err := loadLibrary(cfg.mediaDir, cfg.video && !agent, cfg.audio || agent)
	if err != nil {
		ev.errorf("media: %v", err)
		ev.emit(map[string]any{"event": "done"})
		os.Exit(1)
	}
	if agent {
		os.Exit(runAgent(cfg, lib, ev))
	}
	os.Exit(run(cfg, lib, ev))
}

func run(cfg *config, lib *library, ev *events) int {
	c := newCrowd(cfg, lib, ev)
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
	go readCommands(c, ev, requestStop)
	deadline := time.AfterFunc(cfg.duration, func() { requestStop("duration elapsed") })
	defer deadline.Stop()

	go c.joinAll(requestStop)
	if cfg.audio && cfg.speaking == "rotate" {
		go c.rotateSpeakers()
	}
	if cfg.leaveAfter > 0 {
		go c.leaveInWaves(requestStop)
	}

	why := <-stop
	log.Printf("stopping: %s", why)
	failed := c.failed.Load()
	c.leaveAll()
	ev.emit(map[string]any{"event": "done"})
	if failed {
		return 1
	}
	return 0
}

// hasNonLoopbackAddress: an interface that is up, not loopback, and has an address, the only kind
// pion gathers ICE candidates on.
func hasNonLoopbackAddress() bool {
	interfaces, err := net.Interfaces()
	if err != nil {
		return true // cannot tell: let the join say what is wrong
	}
	for _, iface := range interfaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		if addrs, err := iface.Addrs(); err == nil && len(addrs) > 0 {
			return true
		}
	}
	return false
}

// readCommands reads stdin until it closes (the parent went away), then asks to stop.
func readCommands(c *crowd, ev *events, requestStop func(string)) {
	scanner := bufio.NewScanner(os.Stdin)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		words := strings.Fields(line)
		switch {
		case len(words) == 1 && words[0] == "quit":
			requestStop("quit")
			return
		case len(words) == 3 && (words[0] == "mute" || words[0] == "unmute") && (words[1] == "video" || words[1] == "audio"):
			c.setMuted(words[2], words[1], words[0] == "mute")
		case len(words) == 2 && words[0] == "leave":
			c.leave(words[1])
		default:
			ev.errorf("unknown command: %q (mute|unmute video|audio IDENTITY, leave IDENTITY, quit)", line)
		}
	}
	requestStop("stdin closed")
}

// Codecs as the SDK's examples and `lk load-test` declare them.
var (
	vp8Codec = webrtc.RTPCodecCapability{
		MimeType:  webrtc.MimeTypeVP8,
		ClockRate: 90000,
		RTCPFeedback: []webrtc.RTCPFeedback{
			{Type: webrtc.TypeRTCPFBNACK},
			{Type: webrtc.TypeRTCPFBNACK, Parameter: "pli"},
		},
	}
	opusCodec = webrtc.RTPCodecCapability{
		MimeType:    webrtc.MimeTypeOpus,
		ClockRate:   48000,
		Channels:    2,
		SDPFmtpLine: "minptime=10;useinbandfec=1",
	}
)
