import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { Track, type LocalVideoTrack } from 'livekit-client';
import { LocalPreviewController } from '../../controllers/local-preview.js';
import { MediaDevicesController } from '../../controllers/media-devices.js';
import { deviceLabel } from '../../core/devices.js';
import { kindNames } from '../../controllers/lang.js';
import { classifyMediaError } from '../../core/errors.js';
import { USER_CHOICES_KEY, chosenDevice, parseUserChoices, serializeUserChoices, type UserChoices } from '../../core/user-choices.js';
import { readEffectAssets, type BackgroundEffect } from '../../core/background.js';
import { applyBackground } from '../../core/background-processor.js';
import { effectError } from '../../core/camera-background.js';
import { defaultEffectAssets } from '../../core/effect-assets.js';
import { LkElement } from '../base.js';
import { readBackground, refuseOnce } from '../room-host.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { cameraIcon, microphoneIcon } from '../track-toggle/icons.js';
import { styles } from './lk-prejoin.styles.js';

/**
 * A pre-join screen: a mirrored camera preview, the microphone level, camera and microphone
 * switches and pickers, a name, and a join button. Choices are remembered in `localStorage` under
 * LiveKit's `lk-user-choices` key and shape, so they carry over from and to LiveKit's React
 * `PreJoin`. Joining hands the name, devices and camera and microphone choices to its room (the
 * enclosing `<lk-room>` or `<lk-conference>`, or `room="id"`), which joins with them over its own
 * attributes. A camera or microphone that cannot be used is left out, and the
 * element says so. In a browser without WebRTC it says that instead, asks for no camera or
 * microphone, and its buttons are disabled. In a frame whose embedding page's `<iframe>` does not
 * allow the camera or microphone, that switch is disabled, nothing is asked for it, and the notice
 * names the `allow` value to add. Narrower than 26rem the camera and microphone switches
 * show their icon only (the label stays their accessible name); with a coarse pointer every control
 * is at least 44 CSS px.
 *
 * @summary Camera preview, devices and name, then join.
 * @tag lk-prejoin
 *
 * @attr {background} background - The camera's background effect, shown in the preview and handed to the room on joining (over the room's `background`): `blur`, `blur:N`, `url(<image>)` or `none`. Where it cannot run, the preview stays plain and `lk-error` `effect-unsupported` says why, once.
 * @attr {string} background-assets - The folder of the effect's assets (MediaPipe's wasm files and `selfie_segmenter.tflite`), when not `effects/` beside the kit.
 * @attr {string} background-model - The URL of the selfie segmenter model, when not in the assets folder.
 * @fires lk-error - `invalid-attribute` for `background`, `effect-unsupported`, `connection` when there is no room to join.
 *
 * @csspart preview - The camera preview `<video>` (mirrored).
 * @csspart placeholder - Shown instead of the preview while the camera is off or unavailable.
 * @csspart level - The microphone level meter.
 * @csspart camera-button - The camera on/off button.
 * @csspart microphone-button - The microphone on/off button.
 * @csspart camera-select - The camera picker.
 * @csspart microphone-select - The microphone picker.
 * @csspart name - The name input.
 * @csspart notice - What cannot be used, and why.
 * @csspart join-button - The join button.
 * @cssprop [--lk-prejoin-width=28rem] - The width of the pre-join box.
 */
export class LkPrejoin extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    joined: { type: Boolean, reflect: true },
    noPersist: { type: Boolean, attribute: 'no-persist' },
    cameraLabel: { attribute: 'camera-label' },
    microphoneLabel: { attribute: 'microphone-label' },
    nameLabel: { attribute: 'name-label' },
    joinLabel: { attribute: 'join-label' },
    levelLabel: { attribute: 'level-label' },
    cameraUnavailableLabel: { attribute: 'camera-unavailable-label' },
    microphoneUnavailableLabel: { attribute: 'microphone-unavailable-label' },
    unsupportedLabel: { attribute: 'unsupported-label' },
    choices: { attribute: false },
    background: {},
    backgroundAssets: { attribute: 'background-assets' },
    backgroundModel: { attribute: 'background-model' },
  };

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [LkElement.styles, styles];

  /** Set once joined; the element then hides. Reflected. */
  joined = false;

  /** Do not read or write `localStorage`. */
  noPersist = false;

  /** The camera switch's text and the camera picker's name. Default: "Camera" in the page's language. */
  cameraLabel?: string;
  /** The microphone switch's text and the microphone picker's name. Default: "Microphone" in the page's language. */
  microphoneLabel?: string;
  /** The name field's label. Default: "Your name" in the page's language. */
  nameLabel?: string;
  /** The join button's text. Default: "Join" in the page's language. */
  joinLabel?: string;
  /** The microphone level meter's name, for screen readers. Default: "Microphone level" in the page's language. */
  levelLabel?: string;
  /** Shown when the camera cannot be used. Default: "The camera cannot be used; you will join without it." in the page's language. */
  cameraUnavailableLabel?: string;
  /** Shown when the microphone cannot be used. Default: "The microphone cannot be used; you will join without it." in the page's language. */
  microphoneUnavailableLabel?: string;
  /** Shown in a browser without WebRTC. Default: "This browser cannot join video calls: it has no WebRTC (RTCPeerConnection)." in the page's language. */
  unsupportedLabel?: string;

  /** The choices: camera and microphone on/off, their devices, the name. */
  choices: UserChoices = parseUserChoices(null);

  #preview = new LocalPreviewController(this);
  #cameras = new MediaDevicesController(this, () => 'videoinput');
  #microphones = new MediaDevicesController(this, () => 'audioinput');
  #attached?: LocalVideoTrack;
  #reportedBackground?: string;
  #reportedEffect = new Set<string>();
  #refusedAssets = new Map<string, string>();

  /** The camera's background effect: `blur`, `blur:N`, `url(<image>)` or `none`. */
  background?: string;

  /** The folder of the background effect's assets. */
  backgroundAssets?: string;

  /** The URL of the background effect's segmentation model. */
  backgroundModel?: string;

  #effect(): BackgroundEffect | undefined {
    if (this.background === undefined || this.background === null) return undefined;
    return readBackground(this, this.background, (value) => (this.#reportedBackground = value), this.#reportedBackground);
  }

  #applyEffect(track: LocalVideoTrack | undefined): void {
    const effect = this.#effect();
    if (!track || !effect) return;
    const assets = readEffectAssets(this.backgroundAssets || undefined, this.backgroundModel || undefined, defaultEffectAssets(), document.baseURI, (attribute, value, message) =>
      refuseOnce(this, this.#refusedAssets, attribute, value, message),
    );
    applyBackground(track, effect, assets).catch((err: unknown) => {
      const detail = effectError(err);
      const reason = err instanceof Error ? err.message : String(err);
      if (this.#reportedEffect.has(reason)) return;
      this.#reportedEffect.add(reason);
      this.reportError(detail);
    });
  }

  private get videoElement() {
    return this.renderRoot.querySelector('video');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.noPersist) this.choices = parseUserChoices(localStorage.getItem(USER_CHOICES_KEY));
    if (!this.joined && !this.unsupported) void this.#startPreview();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // Through the CSSOM, not a style attribute, which a strict Content-Security-Policy refuses.
    this.renderRoot.querySelector<HTMLElement>('[part=level] span')?.style.setProperty('inline-size', `${Math.round(this.#preview.level * 100)}%`);
    const track = this.#preview.video;
    if (changed.has('background') || changed.has('backgroundAssets') || changed.has('backgroundModel') || track !== this.#attached) this.#applyEffect(track);
    if (track === this.#attached || !this.videoElement) return;
    this.#attached?.detach(this.videoElement);
    this.#attached = track;
    track?.attach(this.videoElement);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.videoElement) this.#attached?.detach(this.videoElement);
    this.#attached = undefined;
  }

  protected override render() {
    const { videoEnabled, audioEnabled, username } = this.choices;
    const videoFailed = this.#preview.videoError !== undefined;
    const audioFailed = this.#preview.audioError !== undefined;
    const level = Math.round(this.#preview.level * 100);
    const unsupported = !!this.unsupported;
    const cameraBlocked = this.blockedReason(Track.Source.Camera);
    const microphoneBlocked = this.blockedReason(Track.Source.Microphone);
    return html`
      <div class="stage">
        <video part="preview" muted playsinline autoplay ?hidden=${!this.#preview.video}></video>
        ${this.#preview.video ? nothing : html`<div part="placeholder">${initials(username)}</div>`}
      </div>
      <div part="level" role="meter" aria-label=${this.levelLabel ?? this.i18n.t('microphoneLevel')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${level}>
        <span></span>
      </div>
      <div class="devices">
        <button part="camera-button" type="button" aria-pressed=${videoEnabled && !videoFailed ? 'true' : 'false'} ?disabled=${videoFailed || unsupported || !!cameraBlocked} title=${cameraBlocked ?? nothing} aria-describedby=${cameraBlocked ? 'notice' : nothing} @click=${this.#toggleVideo}>
          ${cameraIcon(!videoEnabled || videoFailed)}<span class="label">${this.cameraLabel ?? this.i18n.t('camera')}</span>
        </button>
        ${this.#select('camera-select', this.cameraLabel ?? this.i18n.t('camera'), this.#cameras.devices, this.choices.videoDeviceId, (id) => this.#choose({ videoDeviceId: id }))}
        <button part="microphone-button" type="button" aria-pressed=${audioEnabled && !audioFailed ? 'true' : 'false'} ?disabled=${audioFailed || unsupported || !!microphoneBlocked} title=${microphoneBlocked ?? nothing} aria-describedby=${microphoneBlocked ? 'notice' : nothing} @click=${this.#toggleAudio}>
          ${microphoneIcon(!audioEnabled || audioFailed)}<span class="label">${this.microphoneLabel ?? this.i18n.t('microphone')}</span>
        </button>
        ${this.#select('microphone-select', this.microphoneLabel ?? this.i18n.t('microphone'), this.#microphones.devices, this.choices.audioDeviceId, (id) => this.#choose({ audioDeviceId: id }))}
      </div>
      <label class="name">${this.nameLabel ?? this.i18n.t('yourName')}
        <input part="name" type="text" autocomplete="name" .value=${username} @input=${this.#onName} @keydown=${this.#onKey} />
      </label>
      <div part="notice" id="notice" role="status">
        ${unsupported ? html`<p>${this.unsupportedLabel ?? this.i18n.t('noWebRTC')}</p>` : nothing}
        ${cameraBlocked ? html`<p>${cameraBlocked}</p>` : nothing}
        ${microphoneBlocked ? html`<p>${microphoneBlocked}</p>` : nothing}
        ${videoFailed ? html`<p>${this.cameraUnavailableLabel ?? this.i18n.t('cameraUnavailable')} <small>(${classifyMediaError(this.#preview.videoError, 'camera').code})</small></p>` : nothing}
        ${audioFailed ? html`<p>${this.microphoneUnavailableLabel ?? this.i18n.t('microphoneUnavailable')} <small>(${classifyMediaError(this.#preview.audioError, 'microphone').code})</small></p>` : nothing}
      </div>
      <button part="join-button" type="button" ?disabled=${unsupported} aria-describedby=${unsupported ? 'notice' : nothing} @click=${() => this.join()}>${this.joinLabel ?? this.i18n.t('join')}</button>
    `;
  }

  /** Saves the choices and joins the room with them. Does nothing in a browser without WebRTC. */
  join(): void {
    if (this.unsupported) return;
    const session = this.session;
    if (!session) {
      this.reportError({ code: 'connection', message: 'there is no <lk-room> to join (put the element inside one, or name it with room="id").' });
      return;
    }
    const choices = this.choices;
    if (!this.noPersist) localStorage.setItem(USER_CHOICES_KEY, serializeUserChoices(choices, localStorage.getItem(USER_CHOICES_KEY)));
    // What cannot be used stays off (read before the preview lets the devices go).
    const video = choices.videoEnabled && this.#preview.videoError === undefined && !this.blockedReason(Track.Source.Camera);
    const audio = choices.audioEnabled && this.#preview.audioError === undefined && !this.blockedReason(Track.Source.Microphone);
    // Free the devices before the room captures them.
    void this.#preview.setVideo(false);
    void this.#preview.setAudio(false);
    this.joined = true;
    session
      .join({
        name: choices.username || undefined,
        video,
        audio,
        videoDeviceId: chosenDevice(choices.videoDeviceId),
        audioDeviceId: chosenDevice(choices.audioDeviceId),
        background: this.#effect(),
      })
      .catch(() => {
        /* the room reports its failures as lk-error */
      });
  }

  /** Whether the camera and microphone were left off because the room is a `preview` (a page builder's canvas). */
  #heldForPreview = false;

  protected override roomChanged(): void {
    // A room that goes into `preview` gives up the pre-join's capture; one that leaves it takes it up again.
    if (this.joined || this.unsupported) return;
    if (this.session?.preview) {
      this.#heldForPreview = true;
      void this.#preview.setVideo(false);
      void this.#preview.setAudio(false);
    } else if (this.#heldForPreview && this.isConnected) {
      void this.#startPreview();
    }
  }

  async #startPreview(): Promise<void> {
    // The room's first update (before this element's) says whether it is a `preview`, which asks
    // for no camera or microphone: nothing is captured in a page builder's canvas.
    await this.updateComplete;
    this.#heldForPreview = !!this.session?.preview;
    if (this.#heldForPreview || !this.isConnected) return;
    const { videoEnabled, audioEnabled, videoDeviceId, audioDeviceId } = this.choices;
    // What the embedding page's <iframe> blocks is not asked for: the browser would refuse it.
    await Promise.all([
      this.#preview.setVideo(videoEnabled && !this.blockedReason(Track.Source.Camera), chosenDevice(videoDeviceId)),
      this.#preview.setAudio(audioEnabled && !this.blockedReason(Track.Source.Microphone), chosenDevice(audioDeviceId)),
    ]);
    // Labels come with the permission the preview asked for.
    await Promise.all([this.#cameras.refresh(), this.#microphones.refresh()]);
  }

  #select(part: string, label: string, devices: readonly MediaDeviceInfo[], value: string, onChange: (id: string) => void) {
    return html`<select part=${part} aria-label=${label} ?disabled=${devices.length === 0} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === value}>${deviceLabel(d, i, kindNames(this.i18n))}</option>`)}
    </select>`;
  }

  #choose(change: Partial<UserChoices>): void {
    this.choices = { ...this.choices, ...change };
    if (change.videoDeviceId !== undefined && this.choices.videoEnabled) void this.#preview.setVideo(true, chosenDevice(change.videoDeviceId));
    if (change.audioDeviceId !== undefined && this.choices.audioEnabled) void this.#preview.setAudio(true, chosenDevice(change.audioDeviceId));
  }

  #toggleVideo = (): void => {
    this.choices = { ...this.choices, videoEnabled: !this.choices.videoEnabled };
    void this.#preview.setVideo(this.choices.videoEnabled, chosenDevice(this.choices.videoDeviceId));
  };

  #toggleAudio = (): void => {
    this.choices = { ...this.choices, audioEnabled: !this.choices.audioEnabled };
    void this.#preview.setAudio(this.choices.audioEnabled, chosenDevice(this.choices.audioDeviceId));
  };

  #onName = (event: Event): void => {
    this.choices = { ...this.choices, username: (event.target as HTMLInputElement).value };
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') this.join();
  };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0].toUpperCase())
    .join('');
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-prejoin': LkPrejoin;
  }
}
