import { html, nothing, type PropertyDeclarations } from 'lit';
import {
  RoomEvent,
  Track,
  TrackEvent,
  facingModeFromLocalTrack,
  isLocalTrack,
  type Participant,
  type TrackPublication,
} from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { EmitterEventsController } from '../../controllers/emitter-events.js';
import { TRACK_EVENTS } from '../../controllers/participant-binding.js';
import type { ParticipantEventName } from '../../controllers/participant-events.js';
import { SharedRoomEventsController } from '../../controllers/shared-room-events.js';
import { TrackAttachController } from '../../controllers/track-attach.js';
import {
  effectiveFit,
  kindOfSource,
  parseFit,
  parseMirrorMode,
  parseTrackSource,
  shouldMirror,
  trackViewState,
  type Fit,
  type TrackViewState,
} from '../../core/track-view.js';
import { LkParticipantElement } from '../participant-element.js';
import { styles } from './lk-track-view.styles.js';

/**
 * Renders one track of one participant: a `<video>` (muted, inline) or an `<audio>`, attached with
 * livekit-client's `track.attach()`, so that adaptive stream receives the video at the size the
 * element is shown and pauses it while the element is hidden or scrolled out of view.
 *
 * Which participant: the `participant` property, else `participant="identity|local"` in its room,
 * else the participant of the enclosing `<lk-participant-tile>` or `<lk-participants>` item. Which
 * track: `source` of that participant, or `track-sid` (then the participant may be left out).
 *
 * The local participant's microphone is never played back (no echo). The view detaches when
 * removed from the page and attaches again when moved.
 *
 * @summary One track of one participant, as video or audio.
 * @tag lk-track-view
 *
 * @slot placeholder - Shown while there is no track or it is muted (a video's placeholder only).
 *
 * @csspart video - The `<video>` element.
 * @csspart audio - The `<audio>` element.
 * @csspart placeholder - The box over the video that holds the placeholder slot; there only while there is no track or it is muted.
 *
 * @cssprop [--lk-track-view-aspect-ratio=16 / 9] - The host's aspect ratio while the page gives it no height.
 * @cssprop [--lk-track-view-bg=var(--lk-bg2)] - Background behind the video and the placeholder.
 * @cssprop [--lk-fg] - Text colour of the placeholder.
 * @cssprop [--lk-track-view-border-radius=0] - Corner radius.
 *
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for a `source`, `fit` or `mirror` it does not know.
 */
export class LkTrackView extends LkParticipantElement {
  static override properties: PropertyDeclarations = {
    source: {},
    trackSid: { attribute: 'track-sid' },
    fit: {},
    mirror: {},
    state: { reflect: true },
    kind: { reflect: true },
    mirrored: { type: Boolean, reflect: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['state', 'kind', 'mirrored'];

  static override styles = [LkParticipantElement.styles, styles];

  /** @internal */
  protected static override readonly participantEvents: readonly ParticipantEventName[] = TRACK_EVENTS;

  /** `camera` (default), `microphone`, `screen_share` or `screen_share_audio`. */
  source?: string;

  /** A track by its sid, instead of `source`. */
  trackSid?: string;

  /** `cover` (fill the box, cropping) or `contain` (whole picture). Default: `contain` for a screen share, else `cover`. */
  fit?: string;

  /** `auto` (default: mirror the local participant's front camera), `true` or `false`. */
  mirror?: string;

  /** `none` (no track), `muted`, `paused` (the server stopped sending, e.g. while hidden) or `active`. Reflected for CSS. Read-only. @readonly */
  state: TrackViewState = 'none';

  /** `video` or `audio`: which element the view renders. Reflected. Read-only. @readonly */
  kind: 'video' | 'audio' = 'video';

  /** Whether the video is shown mirrored. Reflected for CSS. Read-only. @readonly */
  mirrored = false;

  #attrs = new AttributeParser(this);
  #attach = new TrackAttachController(this);
  #publication?: TrackPublication;
  #owner?: Participant;
  #fit: Fit = 'cover';

  // With `track-sid` and no participant the owner is found among all the room's participants: their
  // track events come through the room. With a participant, that participant's events suffice.
  #roomEvents = new SharedRoomEventsController(
    this,
    [
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.TrackStreamStateChanged,
      RoomEvent.LocalTrackPublished,
      RoomEvent.LocalTrackUnpublished,
    ],
    () => this.requestUpdate(),
  );

  // A local camera restarted on another device (a camera flip) may face the other way: mirroring follows.
  #localTrackEvents = new LocalTrackEvents(this, { [TrackEvent.Restarted]: () => this.requestUpdate() });

  /** The publication shown, if any. */
  get publication(): TrackPublication | undefined {
    return this.#publication;
  }

  /** The track attached now, if any. */
  get track(): Track | undefined {
    return this.#attach.attached.values().next().value;
  }

  /** The `<video>` or `<audio>` element. */
  get mediaElement(): HTMLMediaElement | null {
    return this.renderRoot.querySelector<HTMLMediaElement>('video, audio');
  }

  protected override willUpdate(): void {
    this.#roomEvents.room = this.trackSid && !this.livekitParticipant ? this.livekitRoom : undefined;
    const source = this.#attrs.parse('source', this.source, parseTrackSource, Track.Source.Camera);
    const { publication, owner } = this.#find(source);
    this.#publication = publication;
    this.#owner = owner;
    const track = publication?.track;
    this.#localTrackEvents.track = track && isLocalTrack(track) ? track : undefined;
    this.kind = publication ? (publication.kind === Track.Kind.Audio ? 'audio' : 'video') : kindOfSource(source);
    this.state = trackViewState({
      hasTrack: !!track,
      muted: publication?.isMuted ?? false,
      paused: track?.streamState === Track.StreamState.Paused,
    });
    this.#fit = effectiveFit(this.#attrs.parse<Fit | undefined>('fit', this.fit, parseFit, undefined), publication?.source ?? source);
    const mirrorMode = this.#attrs.parse('mirror', this.mirror, parseMirrorMode, 'auto');
    this.mirrored =
      this.kind === 'video' &&
      shouldMirror(mirrorMode, {
        isLocal: !!owner?.isLocal,
        source: publication?.source ?? source,
        facingMode: track && isLocalTrack(track) ? facingModeFromLocalTrack(track).facingMode : undefined,
      });
    this.#attrs.report();
  }

  protected override render() {
    if (this.kind === 'audio') return html`<audio part="audio"></audio>`;
    // The placeholder only while it shows: one box fewer in each tile that has video. Before the
    // video (CSS puts it on top): a binding that ends a template costs Lit a marker node more.
    const placeholder = this.state === 'none' || this.state === 'muted';
    return html`${placeholder ? html`<div part="placeholder"><slot name="placeholder"></slot></div>` : nothing}<video part="video" muted playsinline></video>`;
  }

  protected override updated(): void {
    const track = this.#publication?.track;
    const element = this.mediaElement;
    // Never play back the local microphone: the person would hear themselves.
    const wanted = track && element && !(this.#owner?.isLocal && track.kind === Track.Kind.Audio);
    // Set through the CSSOM (no style attribute: a strict Content-Security-Policy allows it).
    if (element instanceof HTMLVideoElement) element.style.objectFit = this.#fit;
    this.#attach.set(wanted ? [[element, track]] : []);
  }

  /** The publication to show, and the participant it belongs to. */
  #find(source: Track.Source): { publication?: TrackPublication; owner?: Participant } {
    const participant = this.livekitParticipant;
    const sid = this.trackSid;
    if (!sid) return { publication: participant?.getTrackPublication(source), owner: participant };
    const candidates = participant ? [participant] : this.#roomParticipants();
    for (const owner of candidates) {
      const publication = owner.trackPublications.get(sid);
      if (publication) return { publication, owner };
    }
    return { owner: participant };
  }

  #roomParticipants(): Participant[] {
    const room = this.livekitRoom;
    return room ? [room.localParticipant, ...room.remoteParticipants.values()] : [];
  }
}

/** Follows the events of the local track a view shows. */
class LocalTrackEvents extends EmitterEventsController<Track> {
  set track(track: Track | undefined) {
    this.target = track;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-track-view': LkTrackView;
  }
}
