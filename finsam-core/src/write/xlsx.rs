//! The report's tables as an .xlsx workbook, written with `rust_xlsxwriter`: one sheet per
//! table, cells typed by their column's kind.

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet};
use serde_json::Value;

use super::{report_sheets, Sheet};
use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::Language;
use crate::common::table::ColumnKind;
use crate::grading::policy::GradingPolicy;
use crate::model::report::Report;

/// The most rows a sheet of Excel holds, its header included.
const MAX_ROWS: usize = 1_048_576;
/// The most characters a cell of Excel holds.
const MAX_CELL_CHARS: usize = 32_767;

/// A report's tables ([`report_sheets`]) as the bytes of an .xlsx workbook, sheet names and
/// headers in `language`.
///
/// ```
/// use finsam_core::write::report_xlsx;
/// use finsam_core::{GradingPolicy, Language, Report};
/// let report = Report::from_json(include_str!("../../samples/arsredovisning-2017.json"))?;
/// let bytes = report_xlsx(&report, &GradingPolicy::default(), Language::Swedish)?;
/// assert!(bytes.starts_with(b"PK\x03\x04"));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn report_xlsx(report: &Report, policy: &GradingPolicy, language: Language) -> Result<Vec<u8>> {
    write_xlsx(&report_sheets(report, policy, language)?, language)
}

/// Sheets as the bytes of an .xlsx workbook, one worksheet per sheet, in order.
///
/// Cells are typed by their column's [`ColumnKind`]: counts, money and years are numbers
/// (counts and money with a thousands separator, which Swedish Excel shows as "1 150");
/// percentages (0–100) are Excel percentages; attainments and scores are numbers with three
/// decimals; yes/no are booleans; ids, names, codes and grades are text, so that "0012" stays
/// "0012". An absent value is an empty cell; a code in a figure's column (`not_applicable`) is
/// text. Headers are bold, the header row is frozen and
/// filtered, and each column is as wide as its widest cell (within bounds).
///
/// Excel stores numbers as binary floating point: a decimal with more than 15 significant
/// digits is rounded in the file (the tables' decimals have far fewer). The workbook's dates
/// are fixed (1980-01-01, the zip format's first day), so that the same sheets give the same
/// bytes. A sheet over Excel's 1 048 576 rows or a cell over 32 767 characters is a
/// `limit_exceeded` error naming the sheet, row and column.
pub fn write_xlsx(sheets: &[Sheet], language: Language) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1).map_err(failed)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let formats = Formats::new();
    for sheet in sheets {
        let name = sheet.name(language);
        if sheet.table.rows.len() >= MAX_ROWS {
            return Err(Error::bilingual(
                ErrorKind::LimitExceeded,
                name,
                format!(
                    "bladet {name} har {} rader; Excel rymmer {}",
                    sheet.table.rows.len(),
                    MAX_ROWS - 1
                ),
                format!(
                    "the sheet {name} has {} rows; Excel holds {}",
                    sheet.table.rows.len(),
                    MAX_ROWS - 1
                ),
            ));
        }
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name).map_err(failed)?;
        write_sheet(worksheet, sheet, language, &header, &formats)?;
    }
    workbook.save_to_buffer().map_err(failed)
}

/// The number formats of the typed cells.
struct Formats {
    whole: Format,
    decimal: Format,
    money: Format,
    money_decimal: Format,
    percent: Format,
    percent_decimal: Format,
    fraction: Format,
    year: Format,
}

impl Formats {
    fn new() -> Formats {
        let format = |code: &str| Format::new().set_num_format(code);
        Formats {
            whole: format("#,##0"),
            decimal: format("#,##0.0#####"),
            money: format("#,##0"),
            money_decimal: format("#,##0.00"),
            percent: format("0%"),
            percent_decimal: format("0.0#%"),
            fraction: format("0.000"),
            year: format("0"),
        }
    }
}

fn write_sheet(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    language: Language,
    header: &Format,
    formats: &Formats,
) -> Result<()> {
    let columns = &sheet.table.columns;
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| c.label(language).chars().count())
        .collect();
    for (index, column) in columns.iter().enumerate() {
        let col = column_number(index)?;
        worksheet
            .write_string_with_format(0, col, column.label(language), header)
            .map_err(failed)?;
    }
    for (row_index, row) in sheet.table.rows.iter().enumerate() {
        let excel_row = u32::try_from(row_index + 1).map_err(|_| too_many(sheet, language))?;
        for ((index, column), value) in columns.iter().enumerate().zip(row) {
            let col = column_number(index)?;
            let shown = write_cell(worksheet, excel_row, col, column.kind, value, formats)
                .map_err(|error| at(sheet, language, row_index, column.label(language), error))?;
            if let Some(width) = widths.get_mut(index) {
                *width = (*width).max(shown);
            }
        }
    }
    let last_column = column_number(columns.len().saturating_sub(1))?;
    let last_row = u32::try_from(sheet.table.rows.len()).map_err(|_| too_many(sheet, language))?;
    worksheet.set_freeze_panes(1, 0).map_err(failed)?;
    if !columns.is_empty() {
        worksheet
            .autofilter(0, 0, last_row, last_column)
            .map_err(failed)?;
    }
    for (index, width) in widths.iter().enumerate() {
        // Room for the filter button beside the header.
        let width = (*width + 4).clamp(8, 60);
        worksheet
            .set_column_width(column_number(index)?, width as f64)
            .map_err(failed)?;
    }
    Ok(())
}

/// Writes one cell by its column's kind; returns how many characters it shows, for the
/// column's width.
fn write_cell(
    worksheet: &mut Worksheet,
    row: u32,
    col: u16,
    kind: ColumnKind,
    value: &Value,
    formats: &Formats,
) -> std::result::Result<usize, CellError> {
    let text = match value {
        Value::Null => return Ok(0),
        Value::String(text) => Some(text.as_str()),
        _ => None,
    };
    // A figure column may hold a code where the report gives no figure ("not_applicable" for
    // a flow figure that does not apply): it is written as the text it is.
    let is_figure = kind.is_decimal() || matches!(kind, ColumnKind::Integer | ColumnKind::Year);
    if let (true, Some(code)) = (is_figure, text) {
        if code.parse::<Decimal>().is_err() {
            worksheet
                .write_string(row, col, code)
                .map_err(CellError::Writer)?;
            return Ok(code.chars().count());
        }
    }
    let decimal = || -> std::result::Result<Decimal, CellError> {
        match value {
            Value::String(text) => text.parse::<Decimal>().map_err(|_| CellError::NotANumber),
            Value::Number(number) => number
                .to_string()
                .parse::<Decimal>()
                .map_err(|_| CellError::NotANumber),
            _ => Err(CellError::NotANumber),
        }
    };
    let number = |worksheet: &mut Worksheet, value: Decimal, format: &Format| {
        // The nearest binary number to the decimal: parsed from its digits, which rounds
        // correctly (a conversion by arithmetic may be one unit off in the last place).
        let float = value
            .to_string()
            .parse::<f64>()
            .map_err(|_| CellError::NotANumber)?;
        worksheet
            .write_number_with_format(row, col, float, format)
            .map_err(CellError::Writer)?;
        Ok(value.normalize().to_string().chars().count() + 2)
    };
    match kind {
        ColumnKind::Integer => number(worksheet, decimal()?, &formats.whole),
        ColumnKind::Year => number(worksheet, decimal()?, &formats.year),
        ColumnKind::Decimal => {
            let value = decimal()?;
            let format = if value.fract().is_zero() {
                &formats.whole
            } else {
                &formats.decimal
            };
            number(worksheet, value, format)
        }
        ColumnKind::Money => {
            let value = decimal()?;
            let format = if value.fract().is_zero() {
                &formats.money
            } else {
                &formats.money_decimal
            };
            number(worksheet, value, format)
        }
        ColumnKind::Percent => {
            let value = decimal()?;
            let format = if value.fract().is_zero() {
                &formats.percent
            } else {
                &formats.percent_decimal
            };
            let fraction = value
                .checked_div(Decimal::ONE_HUNDRED)
                .ok_or(CellError::NotANumber)?;
            number(worksheet, fraction, format).map(|shown| shown + 1)
        }
        ColumnKind::Fraction => number(worksheet, decimal()?, &formats.fraction),
        ColumnKind::Bool => match value {
            Value::Bool(flag) => {
                worksheet
                    .write_boolean(row, col, *flag)
                    .map_err(CellError::Writer)?;
                Ok(5)
            }
            _ => Err(CellError::NotABool),
        },
        // Text, codes, ids and grades; also any kind a later table adds.
        _ => {
            let owned;
            let text = match text {
                Some(text) => text,
                None => {
                    owned = value.to_string();
                    owned.as_str()
                }
            };
            let chars = text.chars().count();
            if chars > MAX_CELL_CHARS {
                return Err(CellError::TooLong(chars));
            }
            worksheet
                .write_string(row, col, text)
                .map_err(CellError::Writer)?;
            // A cell of several lines is as wide as its widest line.
            Ok(text.lines().map(|l| l.chars().count()).max().unwrap_or(0))
        }
    }
}

/// Why a cell could not be written.
enum CellError {
    NotANumber,
    NotABool,
    TooLong(usize),
    Writer(rust_xlsxwriter::XlsxError),
}

fn at(sheet: &Sheet, language: Language, row: usize, column: &str, error: CellError) -> Error {
    let name = sheet.name(language);
    let path = format!("{name}[{row}].{column}");
    match error {
        CellError::TooLong(chars) => Error::bilingual(
            ErrorKind::LimitExceeded,
            path,
            format!("cellen har {chars} tecken; Excel rymmer {MAX_CELL_CHARS}"),
            format!("the cell has {chars} characters; Excel holds {MAX_CELL_CHARS}"),
        ),
        CellError::NotANumber => Error::bilingual(
            ErrorKind::InvalidValue,
            path,
            "cellen ska vara ett tal men är det inte",
            "the cell should be a number but is not",
        ),
        CellError::NotABool => Error::bilingual(
            ErrorKind::InvalidValue,
            path,
            "cellen ska vara ja eller nej men är det inte",
            "the cell should be yes or no but is not",
        ),
        CellError::Writer(error) => failed(error),
    }
}

fn too_many(sheet: &Sheet, language: Language) -> Error {
    let name = sheet.name(language);
    Error::bilingual(
        ErrorKind::LimitExceeded,
        name,
        format!("bladet {name} har fler rader än Excel rymmer"),
        format!("the sheet {name} has more rows than Excel holds"),
    )
}

fn column_number(index: usize) -> Result<u16> {
    u16::try_from(index).map_err(|_| {
        Error::bilingual(
            ErrorKind::LimitExceeded,
            "",
            "tabellen har fler kolumner än Excel rymmer",
            "the table has more columns than Excel holds",
        )
    })
}

/// A failure of the spreadsheet writer itself.
fn failed(error: rust_xlsxwriter::XlsxError) -> Error {
    Error::bilingual(
        ErrorKind::InvalidDocument,
        "",
        format!("kalkylbladet kunde inte skrivas: {error}"),
        format!("the spreadsheet could not be written: {error}"),
    )
}
