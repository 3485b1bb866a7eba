// RiskTestSupport
