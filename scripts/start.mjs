// `npm start`: build the renderer and the Electron shell, then launch Electron.
// If the Electron binary is missing (it is downloaded outside the npm registry, so a locked-down
// machine may not have it), run electron's own install.js once; if that fails too, explain how to
// use the browser version (`npm run web`) and exit non-zero.
// Flags: --no-build skips both builds (the tests use it); --verbose also shows install.js's own output
// (its raw network trace when offline), which is otherwise kept back behind the one clear message.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** The Electron executable's path, or null when electron or its binary is missing. */
function findElectronBinary() {
  try {
    const resolved = require.resolve('electron');
    delete require.cache[resolved]; // re-read after install.js has run
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function findInstallScript() {
  try {
    return require.resolve('electron/install.js');
  } catch {
    return null;
  }
}

/** Runs a command with its output kept back (the last 64 KB, for --verbose); resolves with code and output. */
function runQuietly(cmd, args, opts) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-65_536);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    child.on('error', (err) => resolve({ code: 127, output: String(err) }));
  });
}

function explainBrowserFallback(detail, verbose) {
  console.error(
    [
      '',
      'Electron 실행 파일이 없어서 데스크톱 앱을 열 수 없어요.',
      `  이유: ${detail}`,
      '  대신 브라우저에서 쓸 수 있어요:  npm run web',
      '  (같은 앱이 브라우저에서 열리고, 데이터는 그 브라우저에만 저장돼요.)',
      '  데스크톱 앱이 필요하면 인터넷에 연결된 상태에서 다시 npm start 를 실행하거나,',
      '  node node_modules/electron/install.js 를 직접 실행해 보세요.',
      '',
      'The Electron binary is missing, so the desktop app cannot open.',
      `  Reason: ${detail}`,
      '  Use the browser version instead:  npm run web',
      '  (The same app opens in your browser; its data stays in that browser.)',
      '  For the desktop app, run npm start again while online, or run',
      '  node node_modules/electron/install.js yourself.',
      ...(verbose ? [] : ['', '자세한 내용 / details:  npm start -- --verbose']),
      '',
    ].join('\n'),
  );
}

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  const verbose = process.argv.includes('--verbose');
  if (!skipBuild) {
    const renderer = await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
    if (renderer !== 0) return renderer;
    const shell = await run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root });
    if (shell !== 0) return shell;
  }

  let electron = findElectronBinary();
  if (!electron) {
    const installer = findInstallScript();
    if (!installer) {
      explainBrowserFallback('the electron package is not installed / electron 패키지가 설치되지 않았어요', verbose);
      return 1;
    }
    console.log('Electron 실행 파일을 내려받는 중이에요... / Downloading the Electron binary...');
    // The user asked to start the desktop app, so a CI-style "skip the download" must not block it here.
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    // Offline, install.js prints a long raw network trace: only --verbose shows it.
    const installed = verbose
      ? await run(process.execPath, [installer], { cwd: path.dirname(installer), env })
      : (await runQuietly(process.execPath, [installer], { cwd: path.dirname(installer), env })).code;
    electron = findElectronBinary();
    if (!electron) {
      explainBrowserFallback(
        installed === 0
          ? 'install.js finished but no binary appeared / 설치 스크립트가 끝났지만 실행 파일이 없어요'
          : `install.js failed with exit code ${installed} (offline? / 인터넷 연결을 확인해 주세요)`,
        verbose,
      );
      return 1;
    }
  }

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node and never open a window
  return run(electron, [root], { cwd: root, env });
}

process.exit(await main());
