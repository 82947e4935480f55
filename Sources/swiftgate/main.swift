print("swiftgate")
