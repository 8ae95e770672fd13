import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConnectionQuality, Track } from 'livekit-client';
import { ContextProvider, participantContext } from '../../context.js';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { qualityBars, toLkQuality } from '../../core/connection-quality.js';
import { displayName, initials, parseTileSource, type TileSource } from '../../core/participants.js';
import { QUALITY_KEYS, barsStyles, qualityColours } from '../lk-connection-quality/bars.js';
import { LkParticipantElement } from '../participant-element.js';
import { PIN_PATH, lockFailedIcon, lockIcon, micMutedIcon, screenIcon, screenPlaceholder } from './icons.js';
import { styles } from './lk-participant-tile.styles.js';

/**
 * One participant: their video (or a placeholder with their initials while there is none), their
 * name, a microphone-muted indicator, a speaking ring, their connection quality and a pin button.
 * With `source="screen_share"` it shows the participant's screen share instead of their camera;
 * with `source="microphone"` it is an audio tile: the initials and an `<lk-audio-visualizer>` of the
 * microphone, never video.
 *
 * Pinning is the room's: the pin button and the `pinned` attribute or property pin this tile in its
 * room session (unpinning whichever was pinned before), and every element of the room follows:
 * `<lk-participants>` shows the pinned tile large or first, and the room fires `lk-pin`.
 *
 * Which participant: the `participant` property, else `participant="identity|local"` in its room,
 * else the one of the enclosing `<lk-participants>` item. The tile provides its participant to the
 * elements inside it (its own `<lk-track-view>`, and `<lk-track-view>`, `<lk-participant-name>`,
 * `<lk-connection-quality>` slotted in), so they need no `participant` attribute. The name and the
 * connection quality it draws itself, as `<lk-participant-name>` and `<lk-connection-quality>` would
 * (slot those to replace them); the placeholder is in the page only while there is no video.
 *
 * @summary A participant: video or placeholder, name, microphone, speaking, connection quality.
 * @tag lk-participant-tile
 *
 * @slot media - Replaces the video (default: an `<lk-track-view>` of the tile's source).
 * @slot placeholder - Replaces the placeholder shown while there is no video (default: the initials, or a screen icon).
 * @slot name - Replaces the name (default: an `<lk-participant-name>`).
 * @slot mic-indicator - Replaces the microphone-muted indicator; shown only while the microphone is muted or off.
 * @slot connection-quality - Replaces the connection quality (default: an `<lk-connection-quality>`).
 *
 * @csspart base - The tile's box; its `::after` draws the speaking ring.
 * @csspart media - The box of the video (the `media` slot).
 * @csspart track-view - The default `<lk-track-view>`.
 * @csspart placeholder - The placeholder's box.
 * @csspart initials - The initials in the placeholder.
 * @csspart metadata - The bar along the bottom.
 * @csspart identity - The box around the indicator and the name.
 * @csspart name - The default name: the text of a `<span>`.
 * @csspart mic-muted - The microphone-muted icon.
 * @csspart screen-share-icon - The screen icon of a screen-share tile.
 * @csspart encrypted - The padlock shown while the participant's media is end-to-end encrypted (absent otherwise).
 * @csspart decrypt-failed - The struck-through padlock shown while the participant's media cannot be decrypted here (another key, or no encryption here).
 * @csspart connection-quality - The default connection quality: three bars in an `<svg>` named by its `aria-label`.
 * @csspart audio-visualizer - The `<lk-audio-visualizer>` under the initials of an audio tile (`source="microphone"`).
 * @csspart pin-button - The pin button (`aria-pressed`), in a room only; shown on hover and keyboard focus, always while pinned or on a touch screen.
 *
 * @cssprop [--lk-bg2] - The tile's background (a theme token, light or dark).
 * @cssprop [--lk-fg] - Text colour.
 * @cssprop [--lk-fg2] - The initials' colour.
 * @cssprop [--lk-bg4] - Behind the initials.
 * @cssprop [--lk-accent-bg] - The speaking ring.
 * @cssprop [--lk-danger] - The microphone-muted icon.
 * @cssprop [--lk-participant-tile-encrypted-color=currentColor] - The padlock.
 * @cssprop [--lk-border-radius=0.5rem] - Corner radius.
 * @cssprop [--lk-speaking-indicator-width=2.5px] - Width of the speaking ring.
 * @cssprop [--lk-participant-tile-speaking-color=var(--lk-accent-bg)] - The speaking ring, for tiles only.
 * @cssprop [--lk-participant-tile-initials-bg=var(--lk-bg4)] - Behind the initials, for tiles only.
 * @cssprop [--lk-participant-tile-aspect-ratio=16 / 9] - The tile's aspect ratio while the page gives it no height.
 * @cssprop [--lk-participant-tile-metadata-bg=rgb(0 0 0 / 60%)] - Behind the name and the quality.
 * @cssprop [--lk-participant-tile-metadata-fg=#fff] - Text of the name and the quality.
 * @cssprop [--lk-connection-excellent=#06db4d] - Bars for an excellent connection.
 * @cssprop [--lk-connection-good=#f9b11f] - Bars for a good connection.
 * @cssprop [--lk-connection-poor=#f91f31] - Bars for a poor or lost connection.
 * @cssprop [--lk-connection-quality-off] - Bars that are off.
 * @cssprop [--lk-connection-quality-size=1em] - Size of the bars.
 *
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for a `source` it does not know.
 */
export class LkParticipantTile extends LkParticipantElement {
  static override properties: PropertyDeclarations = {
    source: { reflect: true },
    fit: {},
    mirror: {},
    micMutedLabel: { attribute: 'mic-muted-label' },
    screenShareLabel: { attribute: 'screen-share-label' },
    speaking: { type: Boolean, reflect: true },
    audioMuted: { type: Boolean, attribute: 'audio-muted', reflect: true },
    videoMuted: { type: Boolean, attribute: 'video-muted', reflect: true },
    local: { type: Boolean, reflect: true },
    pinned: { type: Boolean, reflect: true },
    encrypted: { type: Boolean, reflect: true },
    decryptFailed: { type: Boolean, attribute: 'decrypt-failed', reflect: true },
    encryptedLabel: { attribute: 'encrypted-label' },
    decryptFailedLabel: { attribute: 'decrypt-failed-label' },
    pinLabel: { attribute: 'pin-label' },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['speaking', 'audioMuted', 'videoMuted', 'local', 'encrypted', 'decryptFailed'];

  static override styles = [LkParticipantElement.styles, barsStyles, qualityColours, styles];

  /** `camera` (default) or `screen_share`. Reflected for CSS. */
  source: string = Track.Source.Camera;

  /** Passed to the video: `cover` or `contain`. */
  fit?: string;

  /** Passed to the video: `auto`, `true` or `false`. */
  mirror?: string;

  /** The microphone-muted indicator's text, for screen readers. Default: "Microphone muted" in the page's language. */
  micMutedLabel?: string;

  /** The screen-share icon's text, for screen readers. Default: "Screen share" in the page's language. */
  screenShareLabel?: string;

  /** The participant is speaking (from the server's active speakers). Reflected for CSS. Read-only. @readonly */
  speaking = false;

  /** The participant's microphone is muted or off. Reflected for CSS. Read-only. @readonly */
  audioMuted = true;

  /** There is no video of the tile's source, or it is muted. Reflected for CSS. Read-only. @readonly */
  videoMuted = true;

  /** The participant is the local one. Reflected for CSS. Read-only. @readonly */
  local = false;

  /**
   * The participant's media is end-to-end encrypted (livekit-client's `Participant.isEncrypted`:
   * every track it publishes). Reflected for CSS; shows a padlock. Read-only. @readonly
   */
  encrypted = false;

  /**
   * The participant's media cannot be decrypted here: its frames failed to decrypt (another key),
   * or it encrypts and this room does not. Reflected for CSS. Read-only. @readonly
   */
  decryptFailed = false;

  /** The padlock's text, for screen readers. Default: "Encrypted" in the page's language. */
  encryptedLabel?: string;

  /** The struck-through padlock's text, for screen readers. Default: "Cannot decrypt" in the page's language. */
  decryptFailedLabel?: string;

  /** This tile is the one pinned in its room. Set it to pin the tile (or clear it to unpin); reflected. */
  pinned = false;

  /** The pin button's name, for screen readers (its state is `aria-pressed`). Default: "Pin" in the page's language. */
  pinLabel?: string;

  /** `pinned` as the page last set it, until it reaches the room's pin state. */
  #wish?: boolean;

  #provider = new ContextProvider(this, participantContext, undefined);
  #attrs = new AttributeParser(this);
  #source: TileSource = Track.Source.Camera;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const participant = this.livekitParticipant;
    // What this tile shows is what the elements inside it show.
    this.#provider.setValue(participant);
    this.#source = this.#attrs.parse('source', this.source, parseTileSource, Track.Source.Camera);
    this.#attrs.report();
    const microphone = participant?.getTrackPublication(Track.Source.Microphone);
    const video = participant?.getTrackPublication(this.#source);
    this.speaking = !!participant?.isSpeaking;
    this.audioMuted = !microphone || microphone.isMuted;
    this.videoMuted = this.#source === Track.Source.Microphone || !video?.track || video.isMuted;
    this.local = !!participant?.isLocal;
    this.encrypted = !!participant?.isEncrypted;
    this.decryptFailed = !!participant && !!this.session?.undecryptable(participant);
    this.#syncPin(changed);
  }

  /** The page's `pinned` goes to the room's pin state; the room's comes back as `pinned`. */
  #syncPin(changed: PropertyValues<this>): void {
    // Only a page's own change counts: before the first update `false` is the default.
    if (changed.has('pinned') && (this.hasUpdated || this.pinned)) this.#wish = this.pinned;
    const pins = this.session?.pins;
    const identity = this.livekitParticipant?.identity;
    if (!pins || !identity) return;
    const pinned = pins.isPinned(identity, this.#source);
    if (this.#wish !== undefined && this.#wish !== pinned) pins.pin(this.#wish ? { identity, source: this.#source } : undefined);
    this.#wish = undefined;
    this.pinned = pins.isPinned(identity, this.#source);
  }

  #togglePin = (): void => {
    this.pinned = !this.pinned;
  };

  // Each node here is a node per tile: no whitespace between tags (Lit keeps it as text nodes, so the
  // lines below break inside tags), text set as `.textContent` (a text binding adds a marker node),
  // and markup only for what shows.
  protected override render() {
    const participant = this.livekitParticipant;
    const name = participant ? displayName(participant) : '';
    const screen = this.#source === Track.Source.ScreenShare;
    const audio = this.#source === Track.Source.Microphone;
    const quality = toLkQuality(participant?.connectionQuality ?? ConnectionQuality.Unknown);
    const placeholder = this.videoMuted
      ? html`<div slot="placeholder" part="placeholder"
          ><slot name="placeholder">${screen ? screenPlaceholder : html`<span part="initials" aria-hidden="true" .textContent=${initials(name)}></span>`}</slot
          >${audio ? html`<lk-audio-visualizer part="audio-visualizer"></lk-audio-visualizer>` : nothing}</div
        >`
      : nothing;
    const mark = screen
      ? screenIcon(this.screenShareLabel ?? this.i18n.t('screenShare'))
      : this.audioMuted
        ? html`<slot name="mic-indicator">${micMutedIcon(this.micMutedLabel ?? this.i18n.t('micMuted'))}</slot>`
        : nothing;
    // The padlock shares the mark's place: a tile that is not encrypted pays no node for it.
    const lock = this.decryptFailed ? lockFailedIcon(this.decryptFailedLabel ?? this.i18n.t('decryptFailed')) : this.encrypted ? lockIcon(this.encryptedLabel ?? this.i18n.t('encrypted')) : undefined;
    const indicator = lock ? html`${lock}${mark}` : mark;
    return html`<div part="base" role="group" aria-label=${name || nothing}
      ><slot name="media" part="media"
        >${audio
          ? placeholder
          : html`<lk-track-view part="track-view" source=${this.#source} fit=${this.fit ?? nothing} mirror=${this.mirror ?? nothing}>${placeholder}</lk-track-view>`}</slot
      ><button part="pin-button" type="button" ?hidden=${!this.session || !participant} aria-pressed=${this.pinned ? 'true' : 'false'} aria-label=${this.pinLabel ?? this.i18n.t('pin')} @click=${this.#togglePin}
        ><svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d=${PIN_PATH} /></svg
      ></button
      ><div part="metadata"
        ><span part="identity">${indicator}<slot name="name"><span part="name" .textContent=${name}></span></slot></span
        ><slot name="connection-quality"
          ><svg part="connection-quality" class="q${qualityBars(quality)} ${quality}" viewBox="0 0 16 16" role="img" aria-label=${this.i18n.t(QUALITY_KEYS[quality])}
            ><rect x="1" y="10" width="4" height="5" rx="1"/><rect x="6" y="6" width="4" height="9" rx="1"/><rect x="11" y="2" width="4" height="13" rx="1"
          /></svg
        ></slot
      ></div
    ></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-participant-tile': LkParticipantTile;
  }
}
