// RiskDaemon
