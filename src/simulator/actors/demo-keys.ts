/**
 * DEMO KEYS. NOT SECRET. DO NOT USE FOR ANYTHING REAL.
 *
 * Private JWKs committed on purpose so the simulator signs the same token
 * string for the same claims on every run (RS256 is deterministic; ES256 is
 * not, so the EC key is only published in the JWKS, never used to sign).
 * Regenerate with `node scripts/generate-demo-keys.mjs`.
 */
export interface DemoJwk {
  kty: string;
  kid: string;
  alg: 'RS256' | 'ES256';
  use: 'sig';
  [member: string]: string;
}

export const DEMO_KEYS = {
  asMain: {
    kty: 'RSA',
    n: '4a_fx0zl3eC8REHsKaT932oUcqKzCAzNR0cBhYyqQMeffMQRcks20_8kiH9ZFwfhKDnM4xdHhSQfDbXDvVbbrCsRt0_ZZtmsKrRX87Rh6TyWngsyLFFI6Nzy8EU0QqgmOxE1jh9-roxTCsFjwZYUTwF-npmmyJLPe47ehQuVzXAfNVEcSSJ-ix0zyJRmvf7xGkqdbiEGYzKysr9Qwq3a1MTwS5z3gbcQRWJI-GkRIB8jIJXpp7wzwGd6zd1zerRXz0GeAf4krJsQSrOZOAQ0PD6Wq9OTDsTf3dlqQtWa_T7RVotR4IDSuQo7iBzoYbp25YzOgUBpYPAwTSOU8JmPzQ',
    e: 'AQAB',
    d: 'hR434FZ7P2RPp_M6WVX4aM8pQHS3JQhoDKLVQvC1e4BDklQT9lZnAKR96AU1h2AebpupPkl85gtoRa3wxr101RiSWo2-reu2oXm-ZwD-v5P9QztXXMyVNMUehppLOQX1huGftTTehBZA5RcswALF99Pp26LFvYja2QZsOg2bTpC32OWgjUk4-C3p62r4GXdcnO8fu5fadMS0za0RX-eml8KKoWB2CXh1beKkmMyWuEouwaepPX_JxBK5H1dqTm2ZWIAYqfZszEYLOATcjGuUlXoEdeedxozie0sOIFMrtlfCkksMGiEGJmE3XIDB2VJAVFYbyJilisxa0K4w1m7l',
    p: '_hxu7G-7SfsLvUCZE-R1MkePXmWc21tc3p-lXASF7W7PklLiarumLqLXM08CWStjCzReZgq8X8banEwQ6sYdYZL9Je-utxknUtWC-VU0BZyGTowffzccq4_1dS4uBkjrairHcYWeMz497bJuIQCfsehZAa8j2U9RokCeXrTgyqc',
    q: '411ZwOO49xi2HIJVXdcaw8ZcwHIbwdWdmyh-M2KnCWAtFhrGQyvnWiz62zOr6e_axneDGPurAv7fHOdpSpLyrAXY6WHkeCd1tCVmvXC_AomVWuEbXUj2xFsm3KJrvVSDxI-zkbK-znodD4uQD671TTXZNAjdGtqdCMVBYyE7xGs',
    dp: 'EcEk0uo_mLyspk10JJqqwZeUYdERs5XfmEJpSFOck-lRIXUfErwHsWx5QsF7dYV9hxPioJiRbtOzBIagC_dJqD6f512mxG5CfBwk6YzVdKrqC2To8neETkxhpw1R8-h2YlWY18qxMf1gUFJONYoYnlKQnXiCNbXAC2keZ5mVtzM',
    dq: 'd_aiS78bseys8d_m0OuVKKT5_WR3ts9SKDK2W8B6p9zCDT61S23X1OGUvqHF3Fn80ejvF_h548u8xxBmor1kI1W2fHV1SdxwI0v0qJHbhqg3UMsjWBYOdc4udA2S0UPNfqHfuklYmbMesDwQF-ZVcZau8uCWYPvmDWGevYIked8',
    qi: '-rFh2mQyGaZZZpaqCgnSDJBmhyX0kTsRH596xJxLZBOuvXI0HoarF0At25yS0pe8LRAp2TXt1HbtPAsr-KVw9VYM88mUoz1QgPXls-PjJ20ewB6qDx-N6t8jTO68vbq7B4cnq-5e3hJ1Bjs9p4C0vGPXL8J-Lm13Y-4upVIyaAk',
    kid: 'demo-as-rs256-2026-01',
    alg: 'RS256',
    use: 'sig',
  },
  asRotated: {
    kty: 'RSA',
    n: 'sybN6GGnZkjzDI8fShhyl7uByrk2zdTeAKpL7TI00Kxuq584y2kk67E7kx5rMj8hzaX5Qtw0FdYD152upmhsjw6RgWRBXM0TGvliMCA_SWr_nkk2Wt4xn8azu7oHhoKwcgJ6ax0NeCugcL4SYBRGKuejgfx52ubE_HkcTa8zyUwbgZyL017lIrBGHOVcPjfbJcdQyP2bCAbzhkvvY11vlrh62ZVWpK5PXVWAzg-QQLtXCU1HjrLA6t93BguXO9qiisml7WGFtiFgNs6qw5J1zBaf0i3f29g_gpoh49X2c4DxIRLFCckVcrVK5Uwp-aJaNpDoIyzdk31wdEG_LEMpkQ',
    e: 'AQAB',
    d: 'AadKqHnJQp6K_rtN78BCw39_qswzkyoDLAimV3-6gNAMm_El5Cu542KBASI7XUz7ngMphipT4T02zx1FlMPbN6VL5sCzAT0jz2CMnVLY3q-6AP8ePS-2j8nU1BdbFSzc3cqD0HwFyS2G5y976i7ZuHDnn44h3kk5uXZRMm7a6KFTHiM6hb7X-WYYc44wgNFab4MDBfbS9ZHdBLeUyrow6skULINWZidkR-OXVGE_2xV1iHV0YTs4_27c5ZviYLH-H5SnGcjrd7Mkbqv5lkMnH1w_Y4hbV-GSCo827vzauLHmTqKz6hjl-0xVZ6tSGYKOJxWQhKEYsS-PiOicOKj0mQ',
    p: '12OTE653-wqrG5GWzUTJroFNIj-jJwl2-0AnwKK4nBT5Q6X3Yvg1sJUsKrzIfF_pIiJgwU5hbnUvtrvefa3bqJ3VHafiREZu-QS_3FDrCL_qjISX8UUj7mooS5XK9Yltb83Q-_Ue4UczQoZV3dzNlMAUls0efBud0_T9QkAOklk',
    q: '1O4eWfJ9Hsn1QLMi8PLTRYLn44eQ-eKZPlZJom18nH9DHwnsmoj0p1bX7lYEy66_N72cjLuKGK0VIh7IN_DEzmhrwL70b5IJo1HW1LIkfFTCARdqExjiKf9rOidoSioyZmHoMt3Ui8z-o-fwhdld1A7cjwugGYGAL5TzEUFpOfk',
    dp: 'I0prZMQnYHilBIVcQhHNQcxpyPzITLMeTZh7avK-cMR2-wCMgijNEzu92trHtqk4V6FuXP3stN56jORHVixQW1ZQ_uTtC-bGdAK1NPIFMI_RbGilRKDhfETkiU3nzUdRKQp9_WpyPtMdsP61vv5YqNC4DuVY41jbCUmQ3XQFbzE',
    dq: 'rblxbfWX--zOenEtSuTzVr1NMKhEsnwch22jOjCWAKEcRFC2iAbBhV4nYr8vvnbecD31YiUIsMVWfrYaqPl5uOYdM-8YQ4ck8ektm--UMRR-DKHr25TrwVQxSgso3Ym8AShUaFvws_cWsufjp3EHSqKtdNAJWYX87dVa03NIxRE',
    qi: 'zZz4BKyjMFB9lj6BKqd9hhyp_XW38q4OZ6eesyN9m427MV7uzpFxPpja1KBRUIqerOVvxRES_cd8nrb8PZMyoID_WkDvPKRNjlOIu8-NCOIw-7BPnCk1YuS7xQxhfzWNxv5cuVZZIp-_h8Dt82xrzQpN6W1Dw733-L6suCCgjvc',
    kid: 'demo-as-rs256-2026-02',
    alg: 'RS256',
    use: 'sig',
  },
  asEc: {
    kty: 'EC',
    x: 'S_1940WhnLNA-GeoG8C5oAU8sQ5qMtO4b9M4C50Pk2Y',
    y: 'vICjKGttGpl5ufmpVGk1PRNjIxmxTil9ISP5tm-Ekdo',
    crv: 'P-256',
    d: '-OxZB6JB7uS0j4k-wwFlau-gV4j485vYmRBSYoFQI3Q',
    kid: 'demo-as-es256-2026-01',
    alg: 'ES256',
    use: 'sig',
  },
  idp: {
    kty: 'RSA',
    n: '3Ky77HPxyxFT4OOvQiiL6OEVE9F4XTRETaWPA0E0NtAwd12b_0R97d22qzYyx6uu7x6whi1dyRtNgDHIUDmpq7meIyx4ukR76xlnPobay7MEy2TX6BHDJqcAlThAhabVDhheOZEBBzdF-nB4OTyW_XgVTPv6vyKfSFskdoed4ZoOBv_UnBDCjtEiUWkeRmSAb36d9Z_cjJRFEy5wsRgGj5efW75l_5KTl1kXEpfWzpD0m2lgUiT3olvqDRw0z7zZAJCOaWB9WlxRCBYTpTV60Wj-XHJfDxhgLqbRXMmsjgIX9ZzFq6xU8-gRdHsHynuxH4mnDKKutqE1qPxFTOuxEQ',
    e: 'AQAB',
    d: 'AZxAFdJlyA_VDx3SPFcb6EPmOboMWQ_F1NQ5tjIeXa0IwYI9HnCDQ75btCWl2repw-RzMNN5bPuGRgJ2_gDhuFdXLFYJfoB78AQEMRxeUeC5TvuqKK8if7B1zGD39ZG5Wcw7OcvRWFpiqBh0hCRpTKm47BIlqwnnZCmIG1ZThF8uNVHwbXFIl_nBHgqlkK9djeAC8PSkqR73Tph4Aq_2hy_OVP9NdMetjXJYFpm_QQ7p_AD3kYIlkyt1JZ-nJWeu_2CQMmQrVLim9795xXc125Wj_mVKkupbG43joY-N3am2Gtzm7aOzM3V6OjtzC6-U6tYEjbNElCPytl5ZzwU43Q',
    p: '8gs9f7Y8y6PFz0cYuLpNWYYrfHdbfDd5KOqQZuj5e952loIUxTm3osKkBXbfFtgDUl1sLJZao1BX9m2Av1mb1LCPkxeWQe9CPB1ODUHUQY07mtv-fnkkZfuIwadJjNqSsi-Tz-pdwU3sc_93MHfzkfJ4KBrJt2tMnKvkN2wcKtU',
    q: '6WYRa9gy9U6wRrRCbA-KPngTqgIrbF5n0_78MQqkg-uynzyeRzPI1KlnkU2ogF5O-4t_XxrScqmEYmJKWkPE__9pMFZHGifMf34D1Sxjl9qX3lSKYCP5leHBfd7iyhKsrZiIM7EuAoBImKk-kt4KAceIY2UHhTGfWUEKk8SxE00',
    dp: '004YzGvOO4GoaUKKRIrwiB1nzWtuBM1xCtVsZ0swsoEOSmsZsuymcoM2KkcSj6DZlYhVrb89NaIoiMwkP-j87_uL_D_1P26fBlgXEd_Ma8XeqV0xmjwsGJQ1WcqvnTYcJ0793d-fJejfao02AqxVia6CU5C_VU9pPMWboP7SwFk',
    dq: 'JlsBrelfpnSB_3yMFdoP6-grwxqMLEjvYyVaKG0JUCyhtA1wLV9TN6-HN5e9gyr8a9Ym3mg4AWPeP5TLhz3v1-oPTURAdwnnT2RUGOosi73-iyj1fIss7vakp5zDRFYBTp3sdCI_32VZiMz3XYdjuZsizMLDk53uA-ruZA5E01k',
    qi: 'Mo1-29xZHH8gnStiizUV_IaCMufjNArWpylGElgEyQQNG_GNzLJ5RI44yp90HTPyfdvTuJLxrqZJEOyG_-bMFaJCZTADm5sTPfND5hO1UPVoD0ZNw4I_bxfqH5tJlER4DJOWvWmPGHUkuZaIkOisXOFImr55Ep38CWyrgQ5damk',
    kid: 'demo-idp-rs256-1',
    alg: 'RS256',
    use: 'sig',
  },
  kubernetes: {
    kty: 'RSA',
    n: 'n5C579lYeQJ_ECLdN7prViuYxYyzD8Y8KGX7MHIxhEqwoNWyPiROzxIJTJcvQicuPVLGWpU2Wlgb-M2QpBXMEPXFLdVk9mxy9RyWayoz5w2oFG0yWOjR5ddS1__gH5ELfJoQaU5X0VBTN61BJcRnViZFTbpYWuTK5idNVjFOzB_cterSiD3KF59DmlFqLXLygStpT058diqf6jsEjViLP2OP9a2x2LzV87KOydk7_dxOgmnNyi_-pCkrHdglqrHJSNzr58A-QTsPrmR8y42uR0et6kPNV110yHe_rN4Bi3CpEUJe9dKv-SCojbNljpQovkRI6bGXb1wp3oIFwXusOQ',
    e: 'AQAB',
    d: 'PUok8Wjln82CqtsJZ792PSoPy0mo-dUmBEpvuoMSXAMoZw7OISpnDwiZg87Kezl7fFiQEfkgYIFZdS7YcP5iXN1aOKmv1yt-2IF7kXwrZYOMXRQ4c4gyH3ueuZLyLo3TALBYv2o1NxQIculcjbosCx42Ho4GJBufh9nuzb2wy5yReZkBlpVDTrZsv2-8Ml1G1q6NVROopnqcEUNiKDNZyHyAtRhUj6lySimEYh0VDOlPruMswn5_8MkNJAFOX8jTcRKn4ZSAcQbbuDG6TPrzzUuosdXTCCaN8FzQlO33EStSg9mlPRNOA37214tNsCzU5AwxLMQK-Uelf-rxLiTp9Q',
    p: '3oHYn4ndUeh6-09DLPz2OKH22eDbJWQlpcmAJxdU7e--pI-Nv81lWfkFRSbk-g0HOYXVW_f8hiQjpvybYac1NdUln_CcQLhTy3ZOPJ46UUeuSjYTJutw5m7jkvZIS7DglPvU4RsNwmxofixEzwI8Se6SKEL2JIXD5Tdw8tqdkbM',
    q: 't5V18OUwLM6f4R0S5oM-KRPCCjvD5YE4vr0QIhRmoErfK08XF1tTZYdVwIsnCGlHGQg5vDHnnwenaDvlx_AsJvvbFYj_6Id0zLxRaZxvt-mRLCmab5ZTTx2z2oZgDjIo9i7pQUwarWQ7_bCpfPoWrBYhOnuKI5YLhdWMLRkQXGM',
    dp: 'Q8KbK4qagbUgrqOmu26VtQ1t1VAqrKpg5KoGguESFhuqnQayjjSIpuu09SgxFw0cpCHjpcxRdLBQwyuuTgDTrX8ppBlsHDGGIzH2BXPSIqqHo0XwcyvECAjA-SJTRempmvVOEPdiK1FESRhGJBx0K7ehfu1VdC3gSE-n7-0viw0',
    dq: 'BXOArwh_J7Vy9eJBH2siO2IEzvz7UiNGJhPDGN_2NChE_Co7C0yA63DbUP5QyGUn4UxnOnlY4VX-2I9-wTMWfInZ9Ye94Y-0HigxWqt0fceHsgICPfH-w0ikgIag74r5wGWgM3opCKEDTwMh5T4f0jhOAEiOz4OzD-RJZ0VpQPU',
    qi: 'Bcp-60bV2a0Yyz_EMrhSop3SmdESNKjPDyK8q2Xk60uYULfgRFYn3iIWiQyNbje54XfMY8iWLpcYImUBTIoWkTR0VhCn-QQM532K5KLG3oTdQELrFlg7dh9dPrxnIe_u9WHXP9vgtbsu6m9yh7ZkjjSLGd9A2XTPAJeT18neytQ',
    kid: 'demo-k8s-sa-rs256-1',
    alg: 'RS256',
    use: 'sig',
  },
} as const satisfies Record<string, DemoJwk>;

export type DemoKeyName = keyof typeof DEMO_KEYS;
