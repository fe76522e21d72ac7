// altcha-lib publishes its types through package.json `exports`, which the CMS's CommonJS ("node")
// module resolution does not read; Node itself resolves these specifiers at run time.
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/pbkdf2' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/pbkdf2';
}
