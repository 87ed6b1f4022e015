//! Evaluation of targets against actuals (to be built).
