import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { currentOfficeTheme, isDarkColor, themeForOffice } from "../../src/taskpane/theme";

describe("isDarkColor", () => {
  test.each([
    ["#000000", true],
    ["#1f1f1f", true], // Office "Black" theme body
    ["#262626", true],
    ["#ffffff", false],
    ["#f3f3f3", false],
    ["#fff", false],
    ["000", true],
  ])("%s → %s", (hex, dark) => {
    expect(isDarkColor(hex)).toBe(dark);
  });

  test.each(["", "red", "#12345", "#gggggg", "rgb(0,0,0)"])("%j is not a hex colour", (text) => {
    expect(isDarkColor(text)).toBeUndefined();
  });
});

describe("themeForOffice", () => {
  test("dark Office background gives the dark Fluent theme", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
  });

  test("light, missing or unreadable backgrounds give the light theme", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeForOffice({})).toBe(webLightTheme);
    expect(themeForOffice(undefined)).toBe(webLightTheme);
    expect(themeForOffice({ bodyBackgroundColor: "transparent" })).toBe(webLightTheme);
  });

  test("outside Office there is no Office theme", () => {
    expect(currentOfficeTheme()).toBeUndefined();
  });
});
