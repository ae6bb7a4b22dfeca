// An HTTP failure with the API's error shape; the error handler turns it into a response.
export class ApiFailure extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly fields: { field: string; message: string }[] | undefined;
  constructor(statusCode: number, code: string, message: string, fields?: { field: string; message: string }[]) {
    super(message);
    this.name = 'ApiFailure';
    this.statusCode = statusCode;
    this.code = code;
    this.fields = fields;
  }
}
