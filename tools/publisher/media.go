package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/livekit/server-sdk-go/v2/pkg/oggreader"
	"github.com/pion/webrtc/v4/pkg/media"
)

// The media files tools/publisher/media.mjs writes (see there). The video is VP8 in IVF, one file per
// variant and layer, a key frame every second; the audio is Opus (48 kHz, mono, 20 ms packets) in
// Ogg, one packet per page, read with the SDK's Ogg reader.
const (
	videoVariants = 4
	toneFile      = "tone.ogg"
	silenceFile   = "silence.ogg"
)

func videoFile(variant int, height int) string {
	return fmt.Sprintf("video-%d-%d.ivf", variant, height)
}

// clip is a decoded-from-file, in-memory sequence of encoded frames, shared by every participant.
type clip struct {
	frames    [][]byte
	durations []time.Duration
	// keyFrames holds the indices of the frames a loop may start at (VP8 key frames); nil for audio.
	keyFrames []int
}

// readIVF reads a whole IVF file: a 32-byte header (timebase denominator at 16, numerator at 20),
// then per frame a 12-byte header (size, 64-bit timestamp in timebase units) and the frame. Read
// here rather than with pion's ivfreader, whose frame timestamps are not in timebase units.
func readIVF(path string) (*clip, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < 32 || string(data[:4]) != "DKIF" {
		return nil, fmt.Errorf("%s: not an IVF file", path)
	}
	den, num := binary.LittleEndian.Uint32(data[16:20]), binary.LittleEndian.Uint32(data[20:24])
	if den == 0 || num == 0 {
		return nil, fmt.Errorf("%s: no timebase", path)
	}
	unit := time.Duration(float64(time.Second) * float64(num) / float64(den))
	c := &clip{}
	var last uint64
	for at := int(binary.LittleEndian.Uint16(data[6:8])); at+12 <= len(data); {
		size := int(binary.LittleEndian.Uint32(data[at : at+4]))
		pts := binary.LittleEndian.Uint64(data[at+4 : at+12])
		at += 12
		if at+size > len(data) {
			return nil, fmt.Errorf("%s: truncated frame %d", path, len(c.frames))
		}
		frame := data[at : at+size]
		at += size
		if n := len(c.frames); n > 0 {
			c.durations[n-1] = time.Duration(pts-last) * unit
		}
		last = pts
		// VP8 payload header: bit 0 of the first byte is 0 on a key frame.
		if len(frame) > 0 && frame[0]&1 == 0 {
			c.keyFrames = append(c.keyFrames, len(c.frames))
		}
		c.frames = append(c.frames, frame)
		c.durations = append(c.durations, unit)
	}
	if len(c.frames) == 0 || len(c.keyFrames) == 0 || c.keyFrames[0] != 0 {
		return nil, fmt.Errorf("%s: no frames, or it does not start with a key frame", path)
	}
	return c, nil
}

func readOgg(path string) (*clip, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	reader, _, err := oggreader.NewOggReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &clip{}
	for {
		packet, err := reader.ReadPacket()
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		duration, err := oggreader.ParsePacketDuration(packet)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		c.frames = append(c.frames, packet)
		c.durations = append(c.durations, duration)
	}
	if len(c.frames) == 0 {
		return nil, fmt.Errorf("%s: no Opus packets", path)
	}
	return c, nil
}

// library holds every clip, loaded once.
type library struct {
	video   [videoVariants]map[uint32]*clip // by layer height
	tone    *clip
	silence *clip
}

func loadLibrary(dir string, wantVideo, wantAudio bool) (*library, error) {
	lib := &library{}
	if wantVideo {
		for v := 0; v < videoVariants; v++ {
			lib.video[v] = map[uint32]*clip{}
			for _, layer := range layers {
				c, err := readIVF(filepath.Join(dir, videoFile(v, int(layer.height))))
				if err != nil {
					return nil, err
				}
				lib.video[v][layer.height] = c
			}
		}
	}
	if wantAudio {
		var err error
		if lib.tone, err = readOgg(filepath.Join(dir, toneFile)); err != nil {
			return nil, err
		}
		if lib.silence, err = readOgg(filepath.Join(dir, silenceFile)); err != nil {
			return nil, err
		}
	}
	return lib, nil
}

// videoProvider loops one clip forever: at the end it starts again at the first frame (a key
// frame). The SDK's write loop paces by each sample's duration and derives RTP timestamps from it,
// so the timestamps keep rising across the loop.
type videoProvider struct {
	lksdk.BaseSampleProvider
	clip *clip
	next int
}

func newVideoProvider(c *clip, startKeyFrame int) *videoProvider {
	return &videoProvider{clip: c, next: c.keyFrames[startKeyFrame%len(c.keyFrames)]}
}

func (p *videoProvider) NextSample(ctx context.Context) (media.Sample, error) {
	if err := ctx.Err(); err != nil {
		return media.Sample{}, err
	}
	i := p.next
	p.next = (i + 1) % len(p.clip.frames)
	return media.Sample{Data: p.clip.frames[i], Duration: p.clip.durations[i]}, nil
}

// RFC 6464 levels, in -dBov: 0 is the loudest, 127 silence.
const (
	speakingLevel = 10
	quietLevel    = 127
)

// audioProvider sends the tone while its participant speaks and silence otherwise, both looped,
// with the matching audio level in each packet's header extension.
type audioProvider struct {
	lksdk.BaseSampleProvider
	tone, silence *clip
	speaking      atomic.Bool
	wasSpeaking   bool
	next          int
	level         uint8
}

func (p *audioProvider) NextSample(ctx context.Context) (media.Sample, error) {
	if err := ctx.Err(); err != nil {
		return media.Sample{}, err
	}
	speaking := p.speaking.Load()
	if speaking != p.wasSpeaking {
		// A turn starts with the tone's first syllable.
		p.next = 0
		p.wasSpeaking = speaking
	}
	c, level := p.silence, uint8(quietLevel)
	if speaking {
		c, level = p.tone, speakingLevel
	}
	i := p.next % len(c.frames)
	p.next = i + 1
	p.level = level
	return media.Sample{Data: c.frames[i], Duration: c.durations[i]}, nil
}

// CurrentAudioLevel is read by the SDK right after NextSample, for the packet just returned.
func (p *audioProvider) CurrentAudioLevel() uint8 { return p.level }
