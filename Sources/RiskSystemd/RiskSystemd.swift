// RiskSystemd
