package main

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
)

// The LiveKit Agents transcription protocol: text streams on one topic, with these stream attributes.
const (
	topicTranscription   = "lk.transcription"
	attrSegmentID        = "lk.segment_id"
	attrTranscribedTrack = "lk.transcribed_track_id"
	attrFinal            = "lk.transcription_final"
	attrAgentState       = "lk.agent.state"
	attrAgentName        = "lk.agent_name"
)

// maxChunkBytes: a data stream chunk's content stays below the data channel's message size.
const maxChunkBytes = 15000

// newSegmentID: "SG_" and 12 random hex digits, the shape of the Agents' segment ids.
func newSegmentID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "SG_" + hex.EncodeToString(b)
}

// transcriptionAttributes: a stream's attributes for one segment; the track id only when known.
func transcriptionAttributes(segmentID, trackSID string, final bool) map[string]string {
	attrs := map[string]string{attrSegmentID: segmentID, attrFinal: "false"}
	if final {
		attrs[attrFinal] = "true"
	}
	if trackSID != "" {
		attrs[attrTranscribedTrack] = trackSID
	}
	return attrs
}

// splitDeltas cuts text into at most n pieces at word boundaries (each piece keeps the spaces that
// follow its words), so that the pieces joined give the text back.
func splitDeltas(text string, n int) []string {
	words := strings.SplitAfter(text, " ")
	var nonEmpty []string
	for _, w := range words {
		if w != "" {
			nonEmpty = append(nonEmpty, w)
		}
	}
	if len(nonEmpty) == 0 {
		return nil
	}
	if n < 1 {
		n = 1
	}
	if n > len(nonEmpty) {
		n = len(nonEmpty)
	}
	pieces := make([]string, 0, n)
	for i := 0; i < n; i++ {
		from, to := i*len(nonEmpty)/n, (i+1)*len(nonEmpty)/n
		pieces = append(pieces, strings.Join(nonEmpty[from:to], ""))
	}
	return pieces
}

// interimTexts: what a speech-to-text engine would say before its final result: the growing
// prefixes of the text (at most n-1 of them, whole words, trailing spaces trimmed), then nothing
// more; the final result is the whole text.
func interimTexts(text string, n int) []string {
	deltas := splitDeltas(text, n)
	var out []string
	prefix := ""
	for i := 0; i < len(deltas)-1; i++ {
		prefix += deltas[i]
		out = append(out, strings.TrimRight(prefix, " "))
	}
	return out
}

// chunkText cuts text into pieces of at most max bytes without splitting a character.
func chunkText(text string, max int) []string {
	var chunks []string
	for len(text) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		chunks = append(chunks, text[:cut])
		text = text[cut:]
	}
	if text != "" {
		chunks = append(chunks, text)
	}
	return chunks
}

// rawPacket sends a prepared DataPacket through LocalParticipant.PublishDataPacket.
type rawPacket struct{ packet *livekit.DataPacket }

func (r rawPacket) ToProto() *livekit.DataPacket { return r.packet }

func streamHeaderPacket(streamID, topic, sender string, attrs map[string]string, now time.Time) *livekit.DataPacket {
	return &livekit.DataPacket{
		ParticipantIdentity: sender,
		Value: &livekit.DataPacket_StreamHeader{StreamHeader: &livekit.DataStream_Header{
			StreamId:   streamID,
			Timestamp:  now.UnixMilli(),
			Topic:      topic,
			MimeType:   "text/plain",
			Attributes: attrs,
			ContentHeader: &livekit.DataStream_Header_TextHeader{TextHeader: &livekit.DataStream_TextHeader{
				OperationType: livekit.DataStream_CREATE,
			}},
		}},
	}
}

func streamChunkPacket(streamID, sender string, index uint64, content string) *livekit.DataPacket {
	return &livekit.DataPacket{
		ParticipantIdentity: sender,
		Value: &livekit.DataPacket_StreamChunk{StreamChunk: &livekit.DataStream_Chunk{
			StreamId:   streamID,
			ChunkIndex: index,
			Content:    []byte(content),
		}},
	}
}

func streamTrailerPacket(streamID, sender string, attrs map[string]string) *livekit.DataPacket {
	return &livekit.DataPacket{
		ParticipantIdentity: sender,
		Value: &livekit.DataPacket_StreamTrailer{StreamTrailer: &livekit.DataStream_Trailer{
			StreamId:   streamID,
			Attributes: attrs,
		}},
	}
}

// textStream is one outgoing text stream, written packet by packet on the reliable data channel.
// It is built here rather than with the SDK's StreamText because the Agents protocol needs two
// things StreamText cannot do: a sender identity in the header (an agent publishing the user's
// transcription on the user's behalf, which the server allows participants of kind agent) and
// attributes in the trailer (the final flag of a segment streamed in deltas).
type textStream struct {
	lp     *lksdk.LocalParticipant
	id     string
	sender string
	next   uint64
}

func openTextStream(lp *lksdk.LocalParticipant, topic, sender string, attrs map[string]string) (*textStream, error) {
	s := &textStream{lp: lp, id: uuid.NewString(), sender: sender}
	return s, s.send(streamHeaderPacket(s.id, topic, sender, attrs, time.Now()))
}

func (s *textStream) send(p *livekit.DataPacket) error {
	return s.lp.PublishDataPacket(rawPacket{p}, lksdk.WithDataPublishReliable(true))
}

func (s *textStream) write(text string) error {
	for _, chunk := range chunkText(text, maxChunkBytes) {
		if err := s.send(streamChunkPacket(s.id, s.sender, s.next, chunk)); err != nil {
			return err
		}
		s.next++
	}
	return nil
}

// close ends the stream; attrs (may be nil) are merged into the stream's attributes by receivers.
func (s *textStream) close(attrs map[string]string) error {
	return s.send(streamTrailerPacket(s.id, s.sender, attrs))
}
