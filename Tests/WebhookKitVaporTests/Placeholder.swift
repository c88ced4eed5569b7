// Placeholder: the middleware issue fills this in.
