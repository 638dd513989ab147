/** A piece of a text line that is an amount as the tables print it: 1,234.50, 0.00, −12.00. */
export const AMOUNT_PIECE = /^[-−]?\d{1,3}(?:[,，]?\d{3})*[.．]\d{2}$/;
