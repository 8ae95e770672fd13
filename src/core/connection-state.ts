import { ConnectionState } from 'livekit-client';

/** The `connection-state` values: livekit-client's states, `signalReconnecting` shown as `reconnecting`. */
export type LkConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** livekit-client's connection state as the four values the elements reflect. */
export function toLkConnectionState(state: ConnectionState): LkConnectionState {
  switch (state) {
    case ConnectionState.Connected:
      return 'connected';
    case ConnectionState.Connecting:
      return 'connecting';
    case ConnectionState.Reconnecting:
    case ConnectionState.SignalReconnecting:
      return 'reconnecting';
    default:
      return 'disconnected';
  }
}
