// Placeholder: the command-line tool is built by the verifiers issue.
print("webhookkit")
