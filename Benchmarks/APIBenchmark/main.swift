print("apibench: written by the HTTP transport work")
