package main

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4/pkg/media"
	"github.com/pion/webrtc/v4/pkg/media/oggwriter"
)

// writeIVF writes frames as an IVF file at fps, timestamps 0, 1, 2… in units of 1/fps.
func writeIVF(t *testing.T, fps uint32, frames [][]byte) string {
	t.Helper()
	data := make([]byte, 32)
	copy(data, "DKIF")
	binary.LittleEndian.PutUint16(data[6:], 32)
	copy(data[8:], "VP80")
	binary.LittleEndian.PutUint32(data[16:], fps)
	binary.LittleEndian.PutUint32(data[20:], 1)
	binary.LittleEndian.PutUint32(data[24:], uint32(len(frames)))
	for i, frame := range frames {
		header := make([]byte, 12)
		binary.LittleEndian.PutUint32(header, uint32(len(frame)))
		binary.LittleEndian.PutUint64(header[4:], uint64(i))
		data = append(append(data, header...), frame...)
	}
	path := filepath.Join(t.TempDir(), "clip.ivf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadIVFDurationsAndKeyFrames(t *testing.T) {
	// VP8: bit 0 of the first byte clear on a key frame.
	path := writeIVF(t, 15, [][]byte{{0x10, 1}, {0x11, 2}, {0x11, 3}, {0x10, 4}, {0x11, 5}})
	c, err := readIVF(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.frames) != 5 {
		t.Fatalf("frames: got %d, want 5", len(c.frames))
	}
	want := time.Second / 15
	for i, d := range c.durations {
		if diff := d - want; diff < -time.Microsecond || diff > time.Microsecond {
			t.Errorf("duration %d: got %v, want %v", i, d, want)
		}
	}
	if len(c.keyFrames) != 2 || c.keyFrames[0] != 0 || c.keyFrames[1] != 3 {
		t.Errorf("key frames: got %v, want [0 3]", c.keyFrames)
	}
}

func TestReadIVFRejectsAClipNotStartingWithAKeyFrame(t *testing.T) {
	if _, err := readIVF(writeIVF(t, 15, [][]byte{{0x11}, {0x10}})); err == nil {
		t.Fatal("want an error")
	}
}

func TestVideoProviderLoopsFromAKeyFrame(t *testing.T) {
	c := &clip{
		frames:    [][]byte{{0}, {1}, {2}, {3}},
		durations: []time.Duration{1, 1, 1, 1},
		keyFrames: []int{0, 2},
	}
	p := newVideoProvider(c, 1)
	var got []byte
	for i := 0; i < 6; i++ {
		s, err := p.NextSample(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s.Data[0])
	}
	if string(got) != string([]byte{2, 3, 0, 1, 2, 3}) {
		t.Errorf("got %v, want [2 3 0 1 2 3]", got)
	}
}

func TestAudioProviderSpeaksFromTheStartOfTheToneWithALoudLevel(t *testing.T) {
	ms20 := 20 * time.Millisecond
	p := &audioProvider{
		tone:    &clip{frames: [][]byte{{'t', 0}, {'t', 1}, {'t', 2}}, durations: []time.Duration{ms20, ms20, ms20}},
		silence: &clip{frames: [][]byte{{'s', 0}}, durations: []time.Duration{ms20}},
	}
	next := func() (media.Sample, uint8) {
		s, err := p.NextSample(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return s, p.CurrentAudioLevel()
	}
	if s, level := next(); s.Data[0] != 's' || level != quietLevel {
		t.Fatalf("quiet: got %q level %d", s.Data, level)
	}
	p.speaking.Store(true)
	for i := byte(0); i < 2; i++ {
		if s, level := next(); s.Data[0] != 't' || s.Data[1] != i || level != speakingLevel {
			t.Fatalf("speaking %d: got %q level %d", i, s.Data, level)
		}
	}
	p.speaking.Store(false)
	if s, level := next(); s.Data[0] != 's' || level != quietLevel {
		t.Fatalf("quiet again: got %q level %d", s.Data, level)
	}
	p.speaking.Store(true)
	if s, _ := next(); s.Data[1] != 0 {
		t.Fatalf("a new turn starts the tone again: got %q", s.Data)
	}
}

func TestReadOggReadsEveryPacketWithItsDuration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ogg")
	w, err := oggwriter.New(path, 48000, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Opus TOC 0xF8: CELT-only fullband, 20 ms, one frame.
	for i := 0; i < 3; i++ {
		if err := w.WriteRTP(rtpPacket(uint16(i), uint32(i*960), []byte{0xF8, byte(i), 0xAA})); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := readOgg(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.frames) != 3 {
		t.Fatalf("packets: got %d, want 3", len(c.frames))
	}
	for i, d := range c.durations {
		if d != 20*time.Millisecond || c.frames[i][1] != byte(i) {
			t.Errorf("packet %d: %v %v", i, c.frames[i], d)
		}
	}
}

func rtpPacket(seq uint16, ts uint32, payload []byte) *rtp.Packet {
	return &rtp.Packet{Header: rtp.Header{Version: 2, SequenceNumber: seq, Timestamp: ts, PayloadType: 111}, Payload: payload}
}
