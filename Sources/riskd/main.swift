print("riskd")
