/**
 * Date pickers show dates as Chinese readers expect (2021年1月6日, DESIGN.md non-negotiable 6)
 * and still accept 2021-01-06 typed in: antd displays the first format and parses any of them.
 */
export const DATE_INPUT_FORMAT = ['YYYY年M月D日', 'YYYY-MM-DD'];
