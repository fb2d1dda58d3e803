// `npm run web`: build the renderer and serve it on this computer only, at a FIXED address.
// The port never changes: the browser keeps the app's data (IndexedDB) per origin, so another port
// would open an empty app and the claims would seem lost.
import { build, preview } from 'vite';

const HOST = '127.0.0.1';
const PORT = 4317;
const url = `http://${HOST}:${PORT}/`;

try {
  if (!process.argv.includes('--no-build')) {
    console.log('화면을 빌드하는 중이에요… / Building the app…');
    await build({ logLevel: 'warn' });
  }
  const server = await preview({ logLevel: 'warn', preview: { host: HOST, port: PORT, strictPort: true, open: false } });
  console.log('');
  console.log(`장애 손실 계산기가 열렸어요. 브라우저에서 ${url} 주소로 들어가세요.`);
  console.log(`Outage Loss Desk is running. Open ${url} in your browser.`);
  console.log('데이터는 이 컴퓨터의 브라우저 안에만 저장돼요. 끝내려면 Ctrl+C를 누르세요.');
  console.log('Your data stays in this browser on this computer. Press Ctrl+C to stop.');
  const stop = () => server.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  const inUse = err && (err.code === 'EADDRINUSE' || /already in use/i.test(String(err.message)));
  if (inUse) {
    console.error(`${PORT}번 포트를 이미 다른 프로그램이 쓰고 있어요. 이미 열린 장애 손실 계산기가 있다면 ${url} 로 들어가거나, 그 창을 닫고 다시 실행하세요.`);
    console.error(`Port ${PORT} is already in use. If Outage Loss Desk is already running, open ${url}; otherwise close the other program and try again.`);
    console.error('(포트를 바꾸면 저장된 데이터가 보이지 않아요 / a different port would not see your saved data)');
  } else {
    console.error(`시작하지 못했어요 / could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
}
