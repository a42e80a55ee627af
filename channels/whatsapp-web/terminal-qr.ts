/**
 * Draws whatsapp-web.js's login QR code as text for a terminal (qrcode-terminal, half-height
 * blocks), handed to a writer rather than the console so the server decides where it goes.
 */
import qrcode from "qrcode-terminal";

export function terminalQrPrinter(write: (text: string) => void): (qr: string) => void {
  return (qr) => qrcode.generate(qr, { small: true }, (drawing) => write(`${drawing}\n`));
}
