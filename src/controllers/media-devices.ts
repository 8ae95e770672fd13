import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Room } from 'livekit-client';

/**
 * The browser's media devices of one kind, kept current through `devicechange`. Labels are empty
 * until the page has a camera or microphone permission (a browser rule).
 */
export class MediaDevicesController implements ReactiveController {
  devices: MediaDeviceInfo[] = [];
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly kind: () => MediaDeviceKind | undefined,
    private readonly onError?: (err: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    navigator.mediaDevices?.addEventListener('devicechange', () => void this.refresh(), { signal: this.#abort.signal });
    void this.refresh();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  /** Re-reads the device list. */
  async refresh(): Promise<void> {
    const kind = this.kind();
    if (!kind) return;
    try {
      this.devices = await Room.getLocalDevices(kind, false);
    } catch (err) {
      this.devices = [];
      this.onError?.(err);
    }
    this.host.requestUpdate();
  }
}
