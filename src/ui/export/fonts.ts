// The TrueType Noto Sans KR (pdfmake cannot use woff2), served from the app's own origin: Vite copies the
// files into the build and these imports are their URLs. Only the worker imports this module, so the
// 12 MB of fonts never touch the main bundle and are fetched only when a packet is made.
import regularUrl from '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf?url';
import type { PacketFonts } from '../../core/packet/pdf';

export const PACKET_FONT_URLS = { regular: regularUrl, bold: boldUrl } as const;

async function fetchFont(url: string, fetcher: typeof fetch): Promise<Uint8Array> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`글꼴을 불러오지 못했어요 (${response.status}): ${url} / could not load the font`);
  return new Uint8Array(await response.arrayBuffer());
}

let cached: Promise<PacketFonts> | null = null;

/** Both weights, fetched once per worker. */
export function loadPacketFonts(fetcher: typeof fetch = fetch): Promise<PacketFonts> {
  cached ??= Promise.all([fetchFont(PACKET_FONT_URLS.regular, fetcher), fetchFont(PACKET_FONT_URLS.bold, fetcher)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (err: unknown) => {
      cached = null;
      throw err;
    },
  );
  return cached;
}
