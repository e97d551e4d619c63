/** The product version shown on sheets and stored with scenarios; a test keeps it equal to package.json. */
export const VERSIE = "0.1.0";
