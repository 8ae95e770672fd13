import { svg, type SVGTemplateResult } from 'lit';

// Small line icons (24×24, currentColor). An "off" icon adds a slash.
const slash = svg`<path d="M3 3l18 18" />`;

function icon(body: SVGTemplateResult, off: boolean, part = 'icon') {
  return svg`<svg part=${part} viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}${off ? slash : ''}</svg>`;
}

export const cameraIcon = (off: boolean) => icon(svg`<rect x="2" y="6" width="14" height="12" rx="2" /><path d="M16 10l6-3v10l-6-3z" />`, off);
export const microphoneIcon = (off: boolean) =>
  icon(svg`<rect x="9" y="2" width="6" height="12" rx="3" /><path d="M5 11a7 7 0 0 0 14 0M12 18v4" />`, off);
export const screenIcon = (off: boolean) => icon(svg`<rect x="2" y="3" width="20" height="14" rx="2" /><path d="M8 21h8M12 17v4" />`, off);
export const leaveIcon = () => icon(svg`<path d="M10 17l-5-5 5-5M5 12h12M14 4h5v16h-5" />`, false);
export const flipIcon = () => icon(svg`<path d="M4 7h13l-3-3M20 17H7l3 3" />`, false);
export const captionsIcon = () => icon(svg`<rect x="2" y="5" width="20" height="14" rx="2" /><path d="M6 12h4M13 12h5M6 15h8M16 15h2" />`, false, 'captions-icon');
export const chatIcon = () => icon(svg`<path d="M4 5h16v11H9l-5 4z" />`, false, 'chat-icon');
export const closeIcon = () => icon(svg`<path d="M6 6l12 12M18 6L6 18" />`, false);
export const voiceIcon = () => icon(svg`<path d="M4 10v4M8 7v10M12 4v16M16 7v10M20 10v4" />`, false);
