import type { ChannelProfile } from '../../core/packet/profile';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';

export function channelLabel(id: string, language: string): string {
  const p: ChannelProfile | undefined = CHANNEL_PROFILES.find((x) => x.id === id);
  if (!p) return id;
  return language === 'en' ? p.name.en : p.name.ko;
}

/** A fingerprint shown short, the whole of it in the title and for copying. */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}
