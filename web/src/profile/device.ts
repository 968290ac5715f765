/** "Chrome on Linux" from a User-Agent header: enough to recognise one's own devices in a list. */
export function describeDevice(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').trim();
  if (!ua) return 'Unknown device';
  const browser = browserOf(ua);
  const system = systemOf(ua);
  if (browser && system) return `${browser} on ${system}`;
  if (browser || system) return (browser ?? system)!;
  // an API client such as curl/8.5 or node: its own name is the best description
  const product = ua.split(/[\s;]/)[0]!.split('/')[0]!;
  return product.length > 0 && product.length <= 40 ? product : 'Unknown device';
}

function browserOf(ua: string): string | undefined {
  if (/\bEdgA?\//.test(ua)) return 'Edge';
  if (/\bOPR\//.test(ua)) return 'Opera';
  if (/\bSamsungBrowser\//.test(ua)) return 'Samsung Internet';
  if (/\bFirefox\/|\bFxiOS\//.test(ua)) return 'Firefox';
  if (/\b(?:Headless)?Chrome\/|\bCriOS\/|\bChromium\//.test(ua)) return 'Chrome';
  if (/\bVersion\/[\d.]+.*\bSafari\//.test(ua)) return 'Safari';
  return undefined;
}

function systemOf(ua: string): string | undefined {
  if (/\b(?:iPhone|iPad|iPod)\b/.test(ua)) return 'iOS';
  if (/\bAndroid\b/.test(ua)) return 'Android';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bWindows\b/.test(ua)) return 'Windows';
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b/.test(ua)) return 'Linux';
  return undefined;
}

/** The secret in groups of four, as authenticator apps accept it and people can read it out. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** The text file a user downloads to keep their recovery codes. */
export function recoveryCodesFile(email: string, codes: readonly string[], createdAt: Date): string {
  return [
    `Atrium recovery codes for ${email}`,
    `Created ${createdAt.toISOString().slice(0, 10)}. Each code works once, instead of a code from your authenticator app.`,
    'Keep them somewhere safe; anyone who has them and your password can sign in as you.',
    '',
    ...codes,
    '',
  ].join('\n');
}
