/** The package's data files (path below the package root → text), embedded by scripts/build-web.ts. */
declare module 'juesuan:builtin-files' {
  const files: Record<string, string>;
  export default files;
}

/** exceljs's own browser build (used by src/web/excel.ts): the package's types. */
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
