// RiskStore
