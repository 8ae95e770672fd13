import { ConnectionQuality } from 'livekit-client';

/** The `quality` values: livekit-client's `ConnectionQuality`. */
export type LkQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** livekit-client's connection quality as the value reflected for CSS. */
export function toLkQuality(quality: ConnectionQuality): LkQuality {
  switch (quality) {
    case ConnectionQuality.Excellent:
      return 'excellent';
    case ConnectionQuality.Good:
      return 'good';
    case ConnectionQuality.Poor:
      return 'poor';
    case ConnectionQuality.Lost:
      return 'lost';
    default:
      return 'unknown';
  }
}

/** How many of the three bars are lit. */
export function qualityBars(quality: LkQuality): number {
  return { excellent: 3, good: 2, poor: 1, lost: 0, unknown: 0 }[quality];
}
