// `npm install` runs this to build src/native/jieba_spans.cc with node-gyp. Without a C++
// toolchain node-gyp fails with a page of `gyp ERR!` lines; this says first, in one line, what
// to install. Plain JavaScript: it runs before TypeScript is compiled.
import { spawnSync } from 'node:child_process';

const windows = process.platform === 'win32';
const onPath = (command) => spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const WHAT = 'g++, make and python3 (Debian, Ubuntu: apt-get install g++ make python3; macOS: xcode-select --install)';

// node-gyp finds Visual Studio itself on Windows; elsewhere it needs a compiler, make and Python.
if (!windows) {
  const missing = [
    !(process.env.CXX || ['g++', 'c++', 'clang++'].some(onPath)) && 'C++ compiler',
    !onPath('make') && 'make',
    !(process.env.PYTHON || process.env.npm_config_python || ['python3', 'python'].some(onPath)) && 'python3',
  ].filter(Boolean);
  if (missing.length > 0) {
    console.error(`zhenggai: cannot build its segmenter addon: ${missing.join(', ')} not found; install ${WHAT}, then npm install again`);
    process.exit(1);
  }
}

const build = spawnSync('node-gyp', ['rebuild', '--directory', 'src/native'], { stdio: 'inherit', shell: windows });
if (build.error || build.status !== 0) {
  const why = build.error ? `node-gyp did not start (${build.error.message}); run npm install, which provides it` : 'node-gyp failed, above';
  console.error(`zhenggai: cannot build its segmenter addon: ${why}; it needs ${WHAT}`);
  process.exit(1);
}
