import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { Track, type LocalAudioTrack, type RemoteAudioTrack } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { AudioAnalyserController } from '../../controllers/audio-analyser.js';
import { MediaQueryController } from '../../controllers/media-query.js';
import { TRACK_EVENTS } from '../../controllers/participant-binding.js';
import type { ParticipantEventName } from '../../controllers/participant-events.js';
import { VisibilityController } from '../../controllers/visibility.js';
import { BARS, REDUCED_MOTION_INTERVAL_MS, barLevels, evenLevels, isActive, parseBars } from '../../core/audio-visualizer.js';
import { LkParticipantElement } from '../participant-element.js';
import { styles } from './lk-audio-visualizer.styles.js';

/**
 * Bars that move with a participant's voice: the spectrum of its microphone, from 100 Hz to
 * 8 kHz in bands of equal pitch, read with a Web Audio `AnalyserNode`.
 *
 * Which audio: the `track` property (a livekit-client audio `Track`), else the microphone of the
 * participant: the `participant` property, else `participant="identity|local"` in its room, else
 * the participant of the enclosing `<lk-participant-tile>` or `<lk-participants>` item.
 *
 * It reads the audio only while it is on the page, visible (not hidden, not scrolled away, not in
 * a background tab) and has an unmuted track; otherwise its bars rest at their least height and it
 * holds no `AudioContext`. With `prefers-reduced-motion: reduce` every bar shows the same level
 * (the loudest), updated at most four times a second, without transitions.
 *
 * The bars are decorative: hidden from assistive technology (`aria-hidden`). Whether someone
 * speaks reaches a screen reader through what the page says next to it, such as a tile's name.
 *
 * @summary Bars that move with a participant's or a track's audio.
 * @tag lk-audio-visualizer
 *
 * @csspart bars - The row of bars.
 * @csspart bar - Each bar; its height follows the level of its band.
 *
 * @cssprop [--lk-audio-visualizer-height=2em] - Height of the host: a bar at full level.
 * @cssprop [--lk-audio-visualizer-bar-color=var(--lk-fg)] - Colour of the bars.
 * @cssprop [--lk-audio-visualizer-active-color=var(--lk-accent-bg)] - Colour of the bars while `active`.
 * @cssprop [--lk-audio-visualizer-bar-width=0.375em] - Width of a bar.
 * @cssprop [--lk-audio-visualizer-min-height=0.375em] - Height of a bar in silence.
 * @cssprop [--lk-audio-visualizer-gap=0.25em] - Space between the bars.
 * @cssprop [--lk-audio-visualizer-bar-radius=999px] - Corner radius of a bar.
 *
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for `bars` that is not a whole number from 1 to 32.
 */
export class LkAudioVisualizer extends LkParticipantElement {
  static override properties: PropertyDeclarations = {
    bars: {},
    track: { attribute: false },
    active: { type: Boolean, reflect: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['active'];

  static override styles = [LkParticipantElement.styles, styles];

  /** @internal */
  protected static override readonly participantEvents: readonly ParticipantEventName[] = TRACK_EVENTS;

  /** How many bars, 1 to 32. Default 5. */
  bars?: string | number;

  /** An audio track to show instead of the participant's microphone: a livekit-client `LocalAudioTrack` or `RemoteAudioTrack`. */
  track?: Track;

  /** Whether the audio is above a quiet room's level now. Reflected for CSS. Read-only. @readonly */
  active = false;

  #attrs = new AttributeParser(this);
  #count: number = BARS.default;
  #levels: number[] = new Array<number>(BARS.default).fill(0);
  #shown: string[] = [];
  #barElements: HTMLElement[] = [];
  #reducedMotion = new MediaQueryController(this, '(prefers-reduced-motion: reduce)');
  #visibility = new VisibilityController(this, () => this.requestUpdate());
  #analyser = new AudioAnalyserController(this, (bins, binHz) => this.#draw(bins, binHz));

  /** The track whose audio the bars show now: `track` if it is audio, else the participant's microphone. Read-only. @readonly */
  get audioTrack(): LocalAudioTrack | RemoteAudioTrack | undefined {
    const track = this.track ?? this.livekitParticipant?.getTrackPublication(Track.Source.Microphone)?.track;
    return track?.kind === Track.Kind.Audio ? (track as LocalAudioTrack | RemoteAudioTrack) : undefined;
  }

  /** The level of each bar now, 0 to 1. Read-only. @readonly */
  get levels(): number[] {
    return [...this.#levels];
  }

  protected override willUpdate(): void {
    this.#count = this.#attrs.parse('bars', this.bars, parseBars, BARS.default);
    this.#attrs.report();
    if (this.#levels.length !== this.#count) this.#levels = new Array<number>(this.#count).fill(0);
  }

  protected override render() {
    return html`<div part="bars" class="bars" aria-hidden="true">${this.#levels.map(() => html`<span part="bar" class="bar"></span>`)}</div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const bars = [...this.renderRoot.querySelectorAll<HTMLElement>('.bar')];
    if (bars.length !== this.#barElements.length || bars.some((bar, i) => bar !== this.#barElements[i])) {
      this.#barElements = bars;
      this.#shown = [];
      this.#show();
    }
    this.#analyser.set({
      track: this.audioTrack,
      running: this.#visibility.seen,
      interval: this.#reducedMotion.matches ? REDUCED_MOTION_INTERVAL_MS : 0,
    });
  }

  /** A frame of the analyser: the bins become the bars' levels (`undefined`: stopped, all at rest). */
  #draw(bins: Uint8Array | undefined, binHz: number): void {
    const levels = bins ? barLevels(bins, this.#count, binHz) : new Array<number>(this.#count).fill(0);
    this.#levels = this.#reducedMotion.matches ? evenLevels(levels) : levels;
    this.#show();
    // A stop comes from updated() when the track goes: `active` changes after that update, not in it.
    if (bins) this.#setActive();
    else queueMicrotask(() => this.#setActive());
  }

  #setActive(): void {
    const active = isActive(this.#levels);
    if (active !== this.active) this.active = active;
  }

  /** Writes each bar's level as its `--_level`, through the CSSOM, where it changed. */
  #show(): void {
    this.#barElements.forEach((bar, i) => {
      const value = (this.#levels[i] ?? 0).toFixed(3);
      if (this.#shown[i] === value) return;
      this.#shown[i] = value;
      bar.style.setProperty('--_level', value);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-audio-visualizer': LkAudioVisualizer;
  }
}
