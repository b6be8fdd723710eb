//! Grading (`docs/domain.md` §5): the [policy](policy), the [grading](grader) of each goal and
//! intervention, the [`Assessment`](assessment::Assessment) it returns, its
//! [explanation](explain) in Swedish and English, its [agreement](agreement) with the grades an
//! association decided, and [calibration](calibration) of the policy against them.

pub(crate) mod agreement;
pub(crate) mod assessment;
pub(crate) mod calibration;
pub(crate) mod explain;
pub(crate) mod grader;
pub(crate) mod policy;

use crate::common::error::Result;
use crate::model::report::Report;

impl Report {
    /// Grades every intervention with `policy`, in the report's order.
    pub fn grade(&self, policy: &policy::GradingPolicy) -> Result<Vec<assessment::Assessment>> {
        grader::grade_each(&self.interventions, policy, "interventions")
    }

    /// Finds the band edges, cap and share basis that agree best with the grades the association
    /// decided.
    pub fn calibrate(&self, start: &policy::GradingPolicy) -> Result<calibration::Calibration> {
        calibration::calibrate(&self.interventions, start)
    }
}
