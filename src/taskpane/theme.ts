import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

/** The part of `Office.OfficeTheme` the pane uses; every field may be missing outside Office. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string | undefined;
}

/**
 * Whether a CSS hex colour (`#rgb` or `#rrggbb`) is dark, by relative luminance (WCAG).
 * Returns undefined when the text is not such a colour.
 */
export function isDarkColor(hex: string): boolean | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m || m[1] === undefined) return undefined;
  const digits = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const channel = (i: number): number => {
    const v = parseInt(digits.slice(i * 2, i * 2 + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance < 0.5;
}

/** Fluent theme matching Office's body background: dark for dark Office themes, else light. */
export function themeForOffice(officeTheme: OfficeThemeColors | undefined): Theme {
  const bg = officeTheme?.bodyBackgroundColor;
  return bg !== undefined && isDarkColor(bg) === true ? webDarkTheme : webLightTheme;
}

/** Office's current theme colours, or undefined outside Office (or on hosts without themes). */
export function currentOfficeTheme(): OfficeThemeColors | undefined {
  if (typeof Office === "undefined") return undefined;
  try {
    const theme: Office.OfficeTheme | undefined = Office.context?.officeTheme;
    return theme ? { bodyBackgroundColor: theme.bodyBackgroundColor } : undefined;
  } catch {
    // Office.context throws on some hosts before initialisation: treat as "no theme".
    return undefined;
  }
}
