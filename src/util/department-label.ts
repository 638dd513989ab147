/**
 * The label of the line naming the unit a table belongs to: 部门：, 部门名称：, 单位名称：, 编制单位：,
 * 填报单位, 预算单位, 编制部门：, 部门（单位）名称：. One pattern for every reader.
 */
export const DEPARTMENT_LABEL =
  /^(?:部门[:：]|(?:部门|单位)(?:[(（](?:单位|部门)[)）])?名称[:：]|编制单位|填报单位|预算单位|(?:编制|填报|预算)部门[:：])/;
