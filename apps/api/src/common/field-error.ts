/** One problem in a request, located by a JSON pointer into what the client sent. */
export interface FieldError {
  path: string;
  message: string;
}
