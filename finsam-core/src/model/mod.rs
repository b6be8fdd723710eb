//! The model: what a report states. The reporting [`Period`](period::Period), the
//! [`Intervention`](intervention::Intervention) with its [`Goal`](goal::Goal)s and their
//! [`GoalResult`](result::GoalResult)s, the [`Grade`](grade::Grade) an association decided,
//! [`Money`](money::Money), participant [flows](flows) and [end reasons](end_reasons), the
//! [economics](economics) and the whole [`Report`](report::Report).
//!
//! The model checks what a value must be on its own (a share at most 100 %, a numerator at most
//! its denominator); what the parts of a report say about each other is the checker's.

pub(crate) mod economics;
pub(crate) mod end_reasons;
pub(crate) mod fields;
pub(crate) mod flows;
pub(crate) mod goal;
pub(crate) mod grade;
pub(crate) mod intervention;
pub(crate) mod money;
pub(crate) mod period;
pub(crate) mod report;
pub(crate) mod result;
