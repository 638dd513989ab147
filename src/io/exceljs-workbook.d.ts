/** The one file of exceljs that src/io/excel.ts loads (a CommonJS module exporting the class): the package's types. */
declare module 'exceljs/lib/doc/workbook.js' {
  import ExcelJS from 'exceljs';
  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}
