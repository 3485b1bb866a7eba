print("riskctl")
