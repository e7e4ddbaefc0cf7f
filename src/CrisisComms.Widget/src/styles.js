// One small stylesheet, every rule under .ccb-root: no resets, nothing global.
// The colours are in THEME so a test can prove each text/background pair meets WCAG 2.1 AA.
// The host page sets --ccb-content-width to the width of its content column: the banner's text
// and its close button then line up with the page's text (README, "Placement").

export const THEME = {
  critical: { bg: '#a1161b', fg: '#ffffff' },
  warning: { bg: '#ffd33d', fg: '#1a1a1a' },
  info: { bg: '#1c4f8f', fg: '#ffffff' },
  badge: { bg: '#111111', fg: '#ffffff' },
  bar: { bg: '#f2f2f2', fg: '#1a1a1a' },
  button: { bg: '#ffffff', fg: '#1a1a1a' },
  pressed: { bg: '#1a1a1a', fg: '#ffffff' },
};

export const STYLE_ID = 'ccb-style';

// Padding percentages are of the container's width: what is left beside the host's column, or 16px.
const SIDE = 'max(16px,calc((100% - var(--ccb-content-width,100%)) / 2))';

export function css(t = THEME) {
  const sev = (name) => `.ccb-root .ccb-${name}{background:${t[name].bg};color:${t[name].fg};border-color:${t[name].fg}}`;
  return [
    '.ccb-root{display:block;margin:0;padding:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;text-align:start}',
    '.ccb-root *,.ccb-root *::before,.ccb-root *::after{box-sizing:border-box}',
    '.ccb-root .ccb-vh{position:absolute!important;width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important;border:0!important}',
    `.ccb-root .ccb-langs{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0;padding:6px ${SIDE};background:${t.bar.bg};color:${t.bar.fg}}`,
    '.ccb-root .ccb-langs[hidden]{display:none}',
    `.ccb-root .ccb-langs button{font:inherit;font-size:15px;line-height:1.3;margin:0;padding:4px 12px;min-height:32px;cursor:pointer;border:2px solid ${t.button.fg};border-radius:4px;background:${t.button.bg};color:${t.button.fg};text-transform:none}`,
    `.ccb-root .ccb-langs button[aria-pressed="true"]{background:${t.pressed.bg};color:${t.pressed.fg};border-color:${t.pressed.bg}}`,
    `.ccb-root .ccb-banner{display:flex;gap:16px;align-items:flex-start;margin:0;padding:14px ${SIDE};border:0 solid;border-bottom-width:2px}`,
    '.ccb-root .ccb-exercise{border-top-width:6px;border-top-style:dashed}',
    '.ccb-root .ccb-vma{border-left-width:8px;border-left-style:solid}',
    sev('critical'),
    sev('warning'),
    sev('info'),
    '.ccb-root .ccb-msg{flex:1 1 auto;min-width:0}',
    '.ccb-root .ccb-tags{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;margin:0 0 4px;padding:0;font-size:15px;font-weight:700}',
    '.ccb-root .ccb-severity{display:inline-block;padding:0 8px;border:2px solid currentColor;border-radius:3px}',
    '.ccb-root .ccb-langs-label{font-size:15px;font-weight:600}',
    `.ccb-root .ccb-badge{display:inline-block;padding:1px 8px;border:2px solid currentColor;border-radius:3px;background:${t.badge.bg};color:${t.badge.fg}}`,
    '.ccb-root .ccb-headline{margin:0;padding:0;font:inherit;font-size:20px;font-weight:700;line-height:1.3;color:inherit;letter-spacing:normal;text-transform:none;border:0;background:none}',
    '.ccb-root .ccb-msg p{margin:4px 0 0;padding:0;color:inherit;font:inherit}',
    '.ccb-root .ccb-lead{font-weight:600}',
    '.ccb-root .ccb-body{white-space:pre-line}',
    '.ccb-root .ccb-instruction strong{font-weight:700}',
    '.ccb-root .ccb-meta{font-size:14px}',
    '.ccb-root a{color:inherit;text-decoration:underline;text-underline-offset:2px;font-weight:700}',
    '.ccb-root a:focus-visible,.ccb-root button:focus-visible{outline:3px solid currentColor;outline-offset:2px}',
    '.ccb-root .ccb-dismiss{flex:0 0 auto;font:inherit;font-size:15px;line-height:1.3;margin:0;padding:6px 12px;min-height:36px;cursor:pointer;border:2px solid currentColor;border-radius:4px;background:transparent;color:inherit;text-transform:none}',
    '.ccb-root .ccb-dismiss:hover{text-decoration:underline}',
    '.ccb-root:focus{outline:none}',
    '@media (forced-colors:active){.ccb-root .ccb-banner{border:2px solid CanvasText}.ccb-root .ccb-badge{border-color:CanvasText}}',
    '@media (max-width:480px){.ccb-root .ccb-banner{flex-direction:column;gap:8px}.ccb-root .ccb-headline{font-size:18px}}',
  ].join('\n');
}
