"""The deterministic rubric: rules as data (rubrics/*.toml), `grade(packet) -> Grade`."""

from drafter.rubric.grade import Judged, grade, grade_values, judge_values
from drafter.rubric.load import Rubric, load_rubric
from drafter.rubric.model import Finding, Grade
from drafter.rubric.priority import PriorityList, load_priority_list

__all__ = ["Finding", "Grade", "Judged", "PriorityList", "Rubric", "grade", "grade_values", "judge_values",
           "load_priority_list", "load_rubric"]
