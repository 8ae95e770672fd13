package main

import (
	"fmt"
	"time"
)

// --agent-auto: the simulated agent plays its part by itself, for a person trying it (the demo).
// It greets the user once it listens; when the user has spoken (the server's active-speaker
// detection: nothing is decoded) and then kept quiet for a moment, it reports a
// made-up transcription of that turn (`hear`), thinks for a second and answers with a canned reply
// (`say`). It understands nothing.

const (
	autoGreeting   = "Hello! I am a simulated agent. Say something and I will answer."
	autoPoll       = 100 * time.Millisecond
	autoThinking   = time.Second
	minTurnSpeech  = 300 * time.Millisecond // shorter bursts are noise
	turnEndSilence = 800 * time.Millisecond // this much quiet ends the user's turn
)

var autoReplies = []string{
	"I heard you, but I am only a simulation: I cannot understand words.",
	"Thank you. A real agent would answer you here.",
	"Interesting. Tell me more, and I will pretend to listen.",
}

// turnDetector finds the end of a user's turn in a series of speaking flags.
type turnDetector struct {
	speaking   bool
	start      time.Time // when the current speech began
	lastHeard  time.Time // when speech was last seen
	inTurn     bool
	turnSpeech time.Duration
}

// update takes whether the user speaks at now; it answers true, and how long the user spoke, when
// a turn has just ended.
func (d *turnDetector) update(speaking bool, now time.Time) (bool, time.Duration) {
	switch {
	case speaking && !d.speaking:
		d.start = now
	case !speaking && d.speaking:
		d.turnSpeech += now.Sub(d.start)
		d.lastHeard = now
		d.inTurn = d.inTurn || d.turnSpeech >= minTurnSpeech
		if !d.inTurn {
			d.turnSpeech = 0 // a burst too short to count
		}
	}
	d.speaking = speaking
	if !speaking && d.inTurn && now.Sub(d.lastHeard) >= turnEndSilence {
		spoke := d.turnSpeech
		d.inTurn, d.turnSpeech = false, 0
		return true, spoke
	}
	return false, 0
}

// runAuto plays the agent's part until the session ends.
func (s *agentSession) runAuto() {
	if err := s.say(autoGreeting); err != nil {
		s.r.ev.errorf("auto: %v", err)
	}
	var turns turnDetector
	replies := 0
	ticker := time.NewTicker(autoPoll)
	defer ticker.Stop()
	for range ticker.C {
		s.mu.Lock()
		gone, linked := s.gone, s.linked
		s.mu.Unlock()
		if gone {
			return
		}
		speaking := false
		if p := s.room.GetParticipantByIdentity(linked); p != nil {
			speaking = p.IsSpeaking()
		}
		ended, spoke := turns.update(speaking, time.Now())
		if !ended {
			continue
		}
		err := s.hear(fmt.Sprintf("(%.1f seconds of speech)", spoke.Seconds()))
		if err == nil {
			s.setState("thinking")
			time.Sleep(autoThinking)
			err = s.say(autoReplies[replies%len(autoReplies)])
			replies++
		}
		if err != nil {
			s.r.ev.errorf("auto: %v", err)
		}
	}
}
