package main

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/livekit/protocol/auth"
	"github.com/livekit/protocol/livekit"
	"google.golang.org/protobuf/proto"
)

// The LiveKit Agents worker protocol: a websocket to <server>/agent, authorised by a token with
// the `agent` video grant, carrying protobuf WorkerMessage (worker → server) and ServerMessage
// (server → worker) as binary messages. The worker registers (job type, agent name); the server
// asks whether it takes a job (AvailabilityRequest), the worker answers with the identity it will
// join as, and the server assigns the job with a token for the room (participant kind agent).

// jobHost is what the worker asks about and hands its jobs to.
type jobHost interface {
	// accept: whether to take the job, and the identity and name to join as.
	accept(job *livekit.Job) (identity, name string, ok bool)
	// assigned: the job is ours; join job.Room.Name at url with token.
	assigned(job *livekit.Job, url, token string)
	// terminated: the server ended the job.
	terminated(jobID string)
}

type worker struct {
	conn      *websocket.Conn
	agentName string
	serverURL string
	host      jobHost

	writeMu sync.Mutex
}

// agentSocketURL: the worker endpoint of a LiveKit server URL (ws, wss, http or https).
func agentSocketURL(serverURL string) string {
	u := strings.TrimRight(serverURL, "/")
	switch {
	case strings.HasPrefix(u, "http://"):
		u = "ws://" + strings.TrimPrefix(u, "http://")
	case strings.HasPrefix(u, "https://"):
		u = "wss://" + strings.TrimPrefix(u, "https://")
	}
	return u + "/agent"
}

// workerToken: a token for the worker socket, with the `agent` grant only.
func workerToken(apiKey, apiSecret string) (string, error) {
	return auth.NewAccessToken(apiKey, apiSecret).
		SetVideoGrant(&auth.VideoGrant{Agent: true}).
		SetValidFor(time.Hour).
		ToJWT()
}

// dialWorker opens the worker socket and registers as a room worker for agentName.
func dialWorker(serverURL, apiKey, apiSecret, agentName string, host jobHost) (*worker, error) {
	token, err := workerToken(apiKey, apiSecret)
	if err != nil {
		return nil, err
	}
	header := http.Header{}
	header.Set("Authorization", "Bearer "+token)
	dialer := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
	conn, res, err := dialer.Dial(agentSocketURL(serverURL), header)
	if err != nil {
		if res != nil {
			return nil, fmt.Errorf("agent socket: %w (HTTP %d)", err, res.StatusCode)
		}
		return nil, fmt.Errorf("agent socket: %w", err)
	}
	w := &worker{conn: conn, agentName: agentName, serverURL: serverURL, host: host}
	if err := w.send(registerMessage(agentName)); err != nil {
		conn.Close()
		return nil, err
	}
	return w, nil
}

func registerMessage(agentName string) *livekit.WorkerMessage {
	return &livekit.WorkerMessage{Message: &livekit.WorkerMessage_Register{Register: &livekit.RegisterWorkerRequest{
		Type:      livekit.JobType_JT_ROOM,
		AgentName: agentName,
		Version:   "livekit-elements-publisher",
	}}}
}

func (w *worker) send(msg *livekit.WorkerMessage) error {
	data, err := proto.Marshal(msg)
	if err != nil {
		return err
	}
	w.writeMu.Lock()
	defer w.writeMu.Unlock()
	_ = w.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return w.conn.WriteMessage(websocket.BinaryMessage, data)
}

// read waits for the next server message.
func (w *worker) read() (*livekit.ServerMessage, error) {
	for {
		kind, data, err := w.conn.ReadMessage()
		if err != nil {
			return nil, err
		}
		if kind != websocket.BinaryMessage {
			continue
		}
		msg := &livekit.ServerMessage{}
		if err := proto.Unmarshal(data, msg); err != nil {
			return nil, fmt.Errorf("agent socket: bad server message: %w", err)
		}
		return msg, nil
	}
}

// awaitRegistered reads until the server confirms the registration; answers the worker id.
func (w *worker) awaitRegistered(timeout time.Duration) (string, error) {
	_ = w.conn.SetReadDeadline(time.Now().Add(timeout))
	defer func() { _ = w.conn.SetReadDeadline(time.Time{}) }()
	for {
		msg, err := w.read()
		if err != nil {
			return "", fmt.Errorf("no registration: %w", err)
		}
		if reg := msg.GetRegister(); reg != nil {
			available := livekit.WorkerStatus_WS_AVAILABLE
			err := w.send(&livekit.WorkerMessage{Message: &livekit.WorkerMessage_UpdateWorker{UpdateWorker: &livekit.UpdateWorkerStatus{
				Status: &available,
			}}})
			return reg.WorkerId, err
		}
	}
}

// serve handles server messages until the socket closes.
func (w *worker) serve() error {
	for {
		msg, err := w.read()
		if err != nil {
			return err
		}
		if reply := w.handle(msg); reply != nil {
			if err := w.send(reply); err != nil {
				return err
			}
		}
	}
}

// handle answers one server message (nil: no answer).
func (w *worker) handle(msg *livekit.ServerMessage) *livekit.WorkerMessage {
	switch m := msg.Message.(type) {
	case *livekit.ServerMessage_Availability:
		job := m.Availability.GetJob()
		identity, name, ok := w.host.accept(job)
		return &livekit.WorkerMessage{Message: &livekit.WorkerMessage_Availability{Availability: &livekit.AvailabilityResponse{
			JobId:               job.GetId(),
			Available:           ok,
			ParticipantIdentity: identity,
			ParticipantName:     name,
		}}}
	case *livekit.ServerMessage_Assignment:
		url := w.serverURL
		if m.Assignment.Url != nil && *m.Assignment.Url != "" {
			url = *m.Assignment.Url
		}
		go w.host.assigned(m.Assignment.GetJob(), url, m.Assignment.GetToken())
	case *livekit.ServerMessage_Termination:
		go w.host.terminated(m.Termination.GetJobId())
	}
	return nil
}

// jobStatus tells the server how a job stands (running, or ended: success or failed).
func (w *worker) jobStatus(jobID string, status livekit.JobStatus, errText string) error {
	return w.send(&livekit.WorkerMessage{Message: &livekit.WorkerMessage_UpdateJob{UpdateJob: &livekit.UpdateJobStatus{
		JobId:  jobID,
		Status: status,
		Error:  errText,
	}}})
}

func (w *worker) close() {
	w.writeMu.Lock()
	_ = w.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	w.writeMu.Unlock()
	_ = w.conn.Close()
}
