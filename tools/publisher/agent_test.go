package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/livekit/protocol/auth"
	"github.com/livekit/protocol/livekit"
	"google.golang.org/protobuf/proto"
)

func TestSplitDeltasRejoinsAtWordBoundaries(t *testing.T) {
	text := "Hello there, how can I help you today?"
	deltas := splitDeltas(text, 4)
	if len(deltas) != 4 {
		t.Fatalf("%d deltas, want 4: %q", len(deltas), deltas)
	}
	if strings.Join(deltas, "") != text {
		t.Fatalf("deltas %q do not rejoin to the text", deltas)
	}
	for _, d := range deltas[:len(deltas)-1] {
		if !strings.HasSuffix(d, " ") {
			t.Fatalf("delta %q does not end at a word boundary", d)
		}
	}
	if got := splitDeltas("Hi", 4); len(got) != 1 || got[0] != "Hi" {
		t.Fatalf("one word: %q", got)
	}
	if got := splitDeltas("", 4); got != nil {
		t.Fatalf("empty text: %q", got)
	}
}

func TestInterimTextsGrowAndStopShortOfTheFinal(t *testing.T) {
	got := interimTexts("what is the weather like", 4)
	want := []string{"what", "what is", "what is the"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("interims %q, want %q", got, want)
	}
	if got := interimTexts("yes", 4); len(got) != 0 {
		t.Fatalf("a single word has no interim result: %q", got)
	}
}

func TestChunkTextKeepsCharactersWhole(t *testing.T) {
	text := strings.Repeat("é", 10) // 2 bytes each
	chunks := chunkText(text, 5)
	if strings.Join(chunks, "") != text {
		t.Fatalf("chunks do not rejoin")
	}
	for _, c := range chunks {
		if len(c) > 5 || !strings.HasPrefix(c, "é") {
			t.Fatalf("chunk %q splits a character or is too long", c)
		}
	}
}

func TestTranscriptionAttributes(t *testing.T) {
	a := transcriptionAttributes("SG_1", "TR_A", false)
	if a[attrSegmentID] != "SG_1" || a[attrTranscribedTrack] != "TR_A" || a[attrFinal] != "false" {
		t.Fatalf("interim attributes: %v", a)
	}
	b := transcriptionAttributes("SG_1", "", true)
	if _, ok := b[attrTranscribedTrack]; ok || b[attrFinal] != "true" {
		t.Fatalf("final attributes without a track: %v", b)
	}
	if id := newSegmentID(); !strings.HasPrefix(id, "SG_") || len(id) != 15 || id == newSegmentID() {
		t.Fatalf("segment id %q", id)
	}
}

func TestStreamPackets(t *testing.T) {
	h := streamHeaderPacket("S1", topicTranscription, "user-1", map[string]string{attrFinal: "false"}, time.UnixMilli(42))
	header := h.GetStreamHeader()
	if h.ParticipantIdentity != "user-1" || header.Topic != topicTranscription || header.Timestamp != 42 ||
		header.GetTextHeader().GetOperationType() != livekit.DataStream_CREATE || header.MimeType != "text/plain" {
		t.Fatalf("header packet: %v", h)
	}
	c := streamChunkPacket("S1", "user-1", 3, "abc")
	if c.GetStreamChunk().ChunkIndex != 3 || string(c.GetStreamChunk().Content) != "abc" {
		t.Fatalf("chunk packet: %v", c)
	}
	tr := streamTrailerPacket("S1", "user-1", map[string]string{attrFinal: "true"})
	if tr.GetStreamTrailer().StreamId != "S1" || tr.GetStreamTrailer().Attributes[attrFinal] != "true" || tr.GetStreamTrailer().Reason != "" {
		t.Fatalf("trailer packet: %v", tr)
	}
}

func TestParseAgentCommand(t *testing.T) {
	for _, line := range []string{"state thinking", "say Hello there", "hear what time is it", "leave", "quit"} {
		if _, _, err := parseAgentCommand(line); err != nil {
			t.Errorf("%q: %v", line, err)
		}
	}
	verb, arg, _ := parseAgentCommand("say   Hello  there ")
	if verb != "say" || arg != "Hello  there" {
		t.Errorf("say: %q %q", verb, arg)
	}
	for _, line := range []string{"state sleeping", "say", "hear ", "leave now", "dance"} {
		if _, _, err := parseAgentCommand(line); err == nil {
			t.Errorf("%q: no error", line)
		}
	}
}

func TestAgentSocketURL(t *testing.T) {
	for in, want := range map[string]string{
		"ws://127.0.0.1:7880":   "ws://127.0.0.1:7880/agent",
		"wss://lk.example/":     "wss://lk.example/agent",
		"http://127.0.0.1:7880": "ws://127.0.0.1:7880/agent",
		"https://lk.example":    "wss://lk.example/agent",
	} {
		if got := agentSocketURL(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// fakeHost records what the worker hands it.
type fakeHost struct {
	mu       sync.Mutex
	accepted []string
	jobs     chan [3]string
}

func (h *fakeHost) accept(job *livekit.Job) (string, string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.accepted = append(h.accepted, job.Id)
	return "agent-" + job.Id, "Sim", len(h.accepted) == 1 // the first job only
}

func (h *fakeHost) assigned(job *livekit.Job, url, token string) {
	h.jobs <- [3]string{job.Id, url, token}
}

func (h *fakeHost) terminated(string) {}

// TestWorkerHandshake plays the server's side of the worker protocol as livekit-server does
// (pkg/service/agentservice.go): the token's agent grant, registration, an availability request
// answered with the identity, then the assignment.
func TestWorkerHandshake(t *testing.T) {
	const key, secret = "devkey", "secret-of-at-least-32-characters!!"
	serverDone := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(err error) { serverDone <- err }
		if r.URL.Path != "/agent" {
			http.NotFound(w, r)
			return
		}
		verifier, err := auth.ParseAPIToken(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		if err != nil {
			fail(err)
			return
		}
		_, grants, err := verifier.Verify(secret)
		if err != nil || grants.Video == nil || !grants.Video.Agent {
			fail(err)
			http.Error(w, "no agent grant", http.StatusUnauthorized)
			return
		}
		conn, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
		if err != nil {
			fail(err)
			return
		}
		defer conn.Close()
		read := func() *livekit.WorkerMessage {
			_, data, err := conn.ReadMessage()
			if err != nil {
				return nil
			}
			msg := &livekit.WorkerMessage{}
			if proto.Unmarshal(data, msg) != nil {
				return nil
			}
			return msg
		}
		write := func(msg *livekit.ServerMessage) {
			data, _ := proto.Marshal(msg)
			_ = conn.WriteMessage(websocket.BinaryMessage, data)
		}
		reg := read().GetRegister()
		if reg == nil || reg.Type != livekit.JobType_JT_ROOM || reg.AgentName != "sim" {
			serverDone <- errString("bad registration")
			return
		}
		write(&livekit.ServerMessage{Message: &livekit.ServerMessage_Register{Register: &livekit.RegisterWorkerResponse{WorkerId: "AW_1"}}})
		if read().GetUpdateWorker().GetStatus() != livekit.WorkerStatus_WS_AVAILABLE {
			serverDone <- errString("no available status")
			return
		}
		job := &livekit.Job{Id: "AJ_1", Type: livekit.JobType_JT_ROOM, AgentName: "sim", Room: &livekit.Room{Name: "r1"}}
		write(&livekit.ServerMessage{Message: &livekit.ServerMessage_Availability{Availability: &livekit.AvailabilityRequest{Job: job}}})
		avail := read().GetAvailability()
		if avail == nil || avail.JobId != "AJ_1" || !avail.Available || avail.ParticipantIdentity != "agent-AJ_1" || avail.ParticipantName != "Sim" {
			serverDone <- errString("bad availability answer")
			return
		}
		write(&livekit.ServerMessage{Message: &livekit.ServerMessage_Assignment{Assignment: &livekit.JobAssignment{Job: job, Token: "room-token"}}})
		// A second job while the first runs: declined.
		job2 := &livekit.Job{Id: "AJ_2", Type: livekit.JobType_JT_ROOM, AgentName: "sim", Room: &livekit.Room{Name: "r2"}}
		write(&livekit.ServerMessage{Message: &livekit.ServerMessage_Availability{Availability: &livekit.AvailabilityRequest{Job: job2}}})
		avail2 := read().GetAvailability()
		if avail2 == nil || avail2.JobId != "AJ_2" || avail2.Available {
			serverDone <- errString("the second job was not declined")
			return
		}
		serverDone <- nil
		_ = read() // until the worker closes
	}))
	defer srv.Close()

	host := &fakeHost{jobs: make(chan [3]string, 1)}
	url := "ws://" + strings.TrimPrefix(srv.URL, "http://")
	w, err := dialWorker(url, key, secret, "sim", host)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	id, err := w.awaitRegistered(5 * time.Second)
	if err != nil || id != "AW_1" {
		t.Fatalf("registered as %q: %v", id, err)
	}
	go func() { _ = w.serve() }()
	select {
	case got := <-host.jobs:
		if got != [3]string{"AJ_1", url, "room-token"} {
			t.Fatalf("assignment %q", got)
		}
	case err := <-serverDone:
		t.Fatalf("server side: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("no assignment")
	}
	select {
	case err := <-serverDone:
		if err != nil {
			t.Fatalf("server side: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server side did not finish")
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestTurnDetector(t *testing.T) {
	var d turnDetector
	at := time.Unix(0, 0)
	step := func(speaking bool, ms int) (bool, time.Duration) {
		at = at.Add(time.Duration(ms) * time.Millisecond)
		return d.update(speaking, at)
	}
	// A 100 ms click: no turn.
	step(true, 0)
	if ended, _ := step(false, 100); ended {
		t.Fatal("a short burst ended a turn")
	}
	if ended, _ := step(false, 2000); ended {
		t.Fatal("a short burst ended a turn after silence")
	}
	// 1 s of speech, a 300 ms pause, 0.5 s more: one turn of 1.5 s, ended 800 ms after the last speech.
	step(true, 0)
	step(false, 1000)
	step(true, 300)
	step(false, 500)
	if ended, _ := step(false, 700); ended {
		t.Fatal("the turn ended before 800 ms of silence")
	}
	ended, spoke := step(false, 100)
	if !ended || spoke != 1500*time.Millisecond {
		t.Fatalf("turn ended %v after %v of speech, want 1.5s", ended, spoke)
	}
	if ended, _ := step(false, 1000); ended {
		t.Fatal("one turn ended twice")
	}
}
