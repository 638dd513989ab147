/** The package's data files (path below the package root → text), embedded by scripts/build-web.ts. */
declare module 'juesuan:builtin-files' {
  const files: Record<string, string>;
  export default files;
}
